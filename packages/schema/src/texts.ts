import type { FormDefinition, LocalizedText } from './types.js';

const TEXT_KEYS = new Set(['title', 'description', 'label', 'hint', 'statement', 'itemTitle', 'addLabel', 'text', 'message']);
const SKIP_KEYS = new Set(['schema', 'visibleWhen', 'required', 'computed', 'assert', 'value', 'submission']);

/**
 * Calls `visit` for every translatable text of a definition with its JSON pointer, in document order.
 * @example
 * forEachText(definition, (text, path) => { if (!text.en) console.log(`${path} has no English`) });
 */
export function forEachText(definition: FormDefinition, visit: (text: LocalizedText, path: string) => void): void {
  const walk = (node: unknown, path: string, key: string, inErrors: boolean) => {
    if (node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      node.forEach((child, i) => walk(child, `${path}/${i}`, '', false));
      return;
    }
    if (inErrors || TEXT_KEYS.has(key)) {
      visit(node as LocalizedText, path);
      return;
    }
    for (const [childKey, child] of Object.entries(node)) {
      // Inside `errors` the keys are error codes (`required` among them), not rule slots.
      if (key !== 'errors' && SKIP_KEYS.has(childKey)) continue;
      walk(child, `${path}/${childKey.replace(/~/g, '~0').replace(/\//g, '~1')}`, childKey, key === 'errors');
    }
  };
  walk(definition, '', '', false);
}
