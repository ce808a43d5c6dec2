/**
 * Watches one file for saves. Editors save in two ways: writing the file in place, or writing a new file and
 * renaming it over the old one (vim, many IDEs). A watch on the file itself follows the old inode and goes deaf
 * after a rename, so the folder is watched, and events for the file's name are gathered into one call.
 */
import { watch, type FSWatcher } from 'node:fs';
import { basename, dirname } from 'node:path';

/** Events within this many ms are one save (an editor writes, truncates, renames: several events for one save). */
export const SAVE_DEBOUNCE_MS = 40;

/**
 * Calls `changed` once after each burst of changes to `file` (created, written, replaced, removed).
 * @returns a function that stops watching.
 * @example
 * const stop = watchFile('form.json', () => console.log('saved'));
 */
export function watchFile(file: string, changed: () => void, debounceMs = SAVE_DEBOUNCE_MS): () => void {
  const name = basename(file);
  let timer: NodeJS.Timeout | undefined;
  const watcher: FSWatcher = watch(dirname(file), (_event, changedName) => {
    // Some platforms do not say which file changed: then any change in the folder is checked.
    if (changedName !== null && changedName.toString() !== name) return;
    clearTimeout(timer);
    timer = setTimeout(changed, debounceMs);
  });
  return () => {
    clearTimeout(timer);
    watcher.close();
  };
}
