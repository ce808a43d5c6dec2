/**
 * Characters an answer may not hold: controls (a NUL in a name breaks the agency's systems), direction overrides
 * (U+202E makes "gnp.exe" read as "exe.png") and invisible ones (a zero-width space makes two equal names
 * differ). Line breaks and tabs only in a multi-line answer.
 */

/** Why a text is refused. */
export type CharacterProblem = 'control' | 'bidi' | 'invisible';

/** C0 and C1 controls but tab and line breaks, and halves of a character (lone surrogates) that are no character at all. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const LINE = /[\t\n\r]/;
const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;
const INVISIBLE = /[\u00AD\u200B\u200C\u2060-\u2064\uFEFF]/;
/** The zero-width joiner holds emoji sequences together; it is refused only where one line of plain text is asked. */
const JOINER = /\u200D/;

/**
 * @example
 * characterProblem('林小美\u202Egnp.exe', false) // 'bidi'
 */
export function characterProblem(text: string, multiline: boolean): CharacterProblem | undefined {
  if (CONTROL.test(text) || (!multiline && LINE.test(text))) return 'control';
  if (BIDI.test(text)) return 'bidi';
  if (INVISIBLE.test(text) || (!multiline && JOINER.test(text))) return 'invisible';
  return undefined;
}
