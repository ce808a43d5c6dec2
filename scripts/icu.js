// Build-time ICU precompilation: each message becomes its parsed form (an AST), so the browser bundles need no
// ICU parser (≈26 KB minified). The AST travels as a string marked with \u0001, which i18next stores like any text;
// a message that is only text travels as itself, marked with \u0002.
import { parse } from '@formatjs/icu-messageformat-parser';

export const PRECOMPILED = '\u0001';
/** A message that is only text (no argument, plural or select) travels as that text, marked \u0002. */
export const LITERAL = '\u0002';

/** A pack whose every message is precompiled. */
export function precompilePack(messages) {
  return Object.fromEntries(
    Object.entries(messages).map(([key, message]) => {
      const ast = parse(message);
      if (ast.length === 0) return [key, LITERAL];
      return [key, ast.length === 1 && ast[0].type === 0 ? LITERAL + ast[0].value : PRECOMPILED + JSON.stringify(ast)];
    }),
  );
}
