/** Small facts about answers the session needs: files kept on the device, sameness, and what changed. */
import type { Attachment } from '@formosa/schema';
import { getAt, type Data, type FormEngine } from '@formosa/engine';
import { sameAnswers } from '@formosa/transport';

/** A file chosen offline, still on the device: its id is local until it is uploaded. */
export function isLocalFile(file: unknown): file is Attachment {
  return file !== null && typeof file === 'object' && typeof (file as { id?: unknown }).id === 'string' && (file as { id: string }).id.startsWith('local-');
}

/** The local ids of the files in `values` still on the device. */
export function localFilesIn(values: unknown): string[] {
  const found: string[] = [];
  const walk = (node: unknown): void => {
    if (isLocalFile(node)) found.push(node.id);
    else if (Array.isArray(node)) node.forEach(walk);
    else if (node !== null && typeof node === 'object') Object.values(node).forEach(walk);
  };
  walk(values);
  return found;
}

/** An answer that differs between what the agency holds and what the citizen wanted to send. */
export interface Difference {
  readonly path: string;
  readonly before: unknown;
  readonly after: unknown;
}

/** The answers (by field, repeats expanded over both) that differ between two submissions of one form. */
export function differences(engine: FormEngine, before: Data, after: Data): Difference[] {
  const pointers = new Set<string>();
  for (const values of [before, after]) for (const [, pointer] of engine.instances(values)) pointers.add(pointer);
  const found: Difference[] = [];
  for (const path of pointers) {
    const was = getAt(before, path);
    const is = getAt(after, path);
    if (!sameAnswers(was, is)) found.push({ path, before: was, after: is });
  }
  return found;
}
