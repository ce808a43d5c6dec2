/**
 * The computed values of a definition as a graph: which computed value reads which. One walk serves the loader
 * (circles, chains too long) and the engine (the order to compute in), in time linear in the rules.
 */
import type { FormDefinition } from './types.js';
import { fieldPattern, forEachItem, isField } from './layout.js';
import { varsOf } from './expression.js';
import { formatPointer, parsePointer, resolvePath } from './pointer.js';

export interface ComputedNode {
  /** The data pointer pattern the value is written to. */
  readonly target: string;
  /** The JSON pointer of its field in the definition. */
  readonly path: string;
  /** The computed values it reads (their targets). */
  readonly reads: readonly string[];
}

export interface ComputedGraph {
  readonly nodes: ReadonlyMap<string, ComputedNode>;
  /** How many computed values, one reading the next, lead to each (0: it reads none). */
  readonly rank: ReadonlyMap<string, number>;
  /** Each circle found, as the targets along it, first repeated at the end. */
  readonly cycles: readonly { readonly path: string; readonly cycle: readonly string[] }[];
  /** The longest chain of computed values each reading the one before. */
  readonly longest?: { readonly path: string; readonly length: number; readonly chain: readonly string[] };
}

/**
 * @example
 * computedGraph(definition).rank.get('/home/alarms') // 0: it reads only answers
 */
export function computedGraph(definition: FormDefinition): ComputedGraph {
  const raw: { target: string; path: string; reads: string[] }[] = [];
  forEachItem(definition, (item, { path, repeat }) => {
    if (!isField(item) || item.computed === undefined) return;
    const scope = repeat ? `${repeat.repeat}/*` : '';
    raw.push({ target: fieldPattern(item, repeat), path, reads: varsOf(item.computed).map((v) => resolvePath(v, scope)) });
  });
  // A read of `/household` reads every computed value under it: index the targets by each of their ancestors.
  const under = new Map<string, string[]>();
  for (const { target } of raw) {
    const segments = parsePointer(target);
    for (let n = 1; n <= segments.length; n++) {
      const prefix = formatPointer(segments.slice(0, n));
      let list = under.get(prefix);
      if (!list) under.set(prefix, (list = []));
      list.push(target);
    }
  }
  const nodes = new Map<string, ComputedNode>();
  for (const { target, path, reads } of raw) {
    const read = new Set<string>();
    for (const r of reads) for (const t of under.get(r) ?? []) if (t !== target) read.add(t);
    nodes.set(target, { target, path, reads: [...read] });
  }

  const rank = new Map<string, number>();
  const next = new Map<string, string>();
  const state = new Map<string, 'open' | 'done'>();
  const cycles: { path: string; cycle: string[] }[] = [];
  const trail: string[] = [];
  const visit = (target: string): number => {
    if (state.get(target) === 'done') return rank.get(target)!;
    if (state.get(target) === 'open') {
      cycles.push({ path: nodes.get(target)!.path, cycle: [...trail.slice(trail.indexOf(target)), target] });
      return 0;
    }
    state.set(target, 'open');
    trail.push(target);
    let best = 0;
    for (const read of nodes.get(target)!.reads) {
      const below = visit(read) + 1;
      if (below > best) {
        best = below;
        next.set(target, read);
      }
    }
    trail.pop();
    state.set(target, 'done');
    rank.set(target, best);
    return best;
  };
  for (const target of nodes.keys()) visit(target);

  let longest: ComputedGraph['longest'];
  for (const [target, length] of rank) {
    if (longest && length + 1 <= longest.length) continue;
    const chain = [target];
    for (let at = next.get(target); at !== undefined && chain.length <= length; at = next.get(at)) chain.push(at);
    longest = { path: nodes.get(target)!.path, length: length + 1, chain };
  }
  return { nodes, rank, cycles, ...(longest ? { longest } : {}) };
}
