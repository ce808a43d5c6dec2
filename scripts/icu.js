// Build-time ICU precompilation: each message becomes its parsed form (an AST), so the browser bundles need no
// ICU parser (≈26 KB minified). The AST travels as a string marked with \u0001, which i18next stores like any text;
// a message that is only text travels as itself, marked with \u0002; one of text and plain arguments (`{name}`) as a
// list of its texts and `[argument]`s, marked with \u0003 (formatted without Intl: see packages/i18n/src/icu.ts).
import { parse } from '@formatjs/icu-messageformat-parser';

export const PRECOMPILED = '\u0001';
/** A message that is only text (no argument, plural or select) travels as that text, marked \u0002. */
export const LITERAL = '\u0002';
/** A message of text and plain arguments only travels as `["Step ", ["current"], " of ", ["total"]]`, marked \u0003. */
export const SIMPLE = '\u0003';

/** A pack whose every message is precompiled. */
export function precompilePack(messages) {
  return Object.fromEntries(
    Object.entries(messages).map(([key, message]) => {
      const ast = parse(message);
      if (ast.length === 0) return [key, LITERAL];
      if (ast.length === 1 && ast[0].type === 0) return [key, LITERAL + ast[0].value];
      // Types 0 and 1 of the parser: literal text and a plain argument.
      if (ast.every((e) => e.type === 0 || e.type === 1)) return [key, SIMPLE + JSON.stringify(ast.map((e) => (e.type === 0 ? e.value : [e.value])))];
      return [key, PRECOMPILED + JSON.stringify(ast)];
    }),
  );
}
