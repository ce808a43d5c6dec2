/** Finds the entries registered under pointer patterns related to a changed pointer (a trie of segments). */
import { isIndexSegment, parsePointer } from '@formosa/schema';

interface Node<T> {
  readonly children: Map<string, Node<T>>;
  readonly entries: T[];
}

const newNode = <T>(): Node<T> => ({ children: new Map(), entries: [] });

export class PatternIndex<T> {
  private readonly root: Node<T> = newNode();

  /** Registers `entry` under `pattern` (array indices written as `*`). */
  add(pattern: string, entry: T): void {
    let node = this.root;
    for (const segment of parsePointer(pattern)) {
      let child = node.children.get(segment);
      if (!child) node.children.set(segment, (child = newNode()));
      node = child;
    }
    node.entries.push(entry);
  }

  /**
   * Entries whose pattern is `pointer` itself, one of its ancestors (a change inside what they read),
   * or one of its descendants (what they read was replaced wholesale).
   */
  related(pointer: string): T[] {
    const found: T[] = [];
    let node: Node<T> | undefined = this.root;
    found.push(...node.entries);
    for (const segment of parsePointer(pointer)) {
      node = node.children.get(isIndexSegment(segment) ? '*' : segment);
      if (!node) return found;
      found.push(...node.entries);
    }
    const collect = (n: Node<T>) => {
      for (const child of n.children.values()) {
        found.push(...child.entries);
        collect(child);
      }
    };
    collect(node);
    return found;
  }
}
