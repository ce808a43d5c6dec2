/**
 * Texts as XLIFF 2.0 for translation tools (one file per target language): a unit per text, named by its JSON
 * pointer, with the default locale's text as source. Whitespace is preserved and carriage returns are escaped,
 * so nothing changes on the way back.
 */
import type { TextRow } from './texts.js';

const escape = (text: string, attribute = false) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;').replace(/"/g, attribute ? '&quot;' : '"');

const unescape = (text: string) =>
  text.replace(/&(#x[0-9a-fA-F]+|#\d+|lt|gt|amp|quot|apos);/g, (_, entity: string) => {
    if (entity.startsWith('#x')) return String.fromCodePoint(parseInt(entity.slice(2), 16));
    if (entity.startsWith('#')) return String.fromCodePoint(Number(entity.slice(1)));
    return ({ lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" } as Record<string, string>)[entity]!;
  });

/**
 * @example
 * toXliff(collectTexts(definition), { id: definition.id, source: definition.defaultLocale, target: 'vi' })
 */
export function toXliff(rows: readonly TextRow[], options: { id: string; source: string; target: string; original?: string }): string {
  const units = rows.map((row, i) => {
    const target = row.texts[options.target];
    return [
      `    <unit id="u${i + 1}" name="${escape(row.path, true)}">`,
      `      <notes><note category="context">${escape(row.context)}</note></notes>`,
      '      <segment>',
      `        <source xml:space="preserve">${escape(row.texts[options.source] ?? '')}</source>`,
      ...(target !== undefined ? [`        <target xml:space="preserve">${escape(target)}</target>`] : []),
      '      </segment>',
      '    </unit>',
    ].join('\n');
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="${escape(options.source, true)}" trgLang="${escape(options.target, true)}">`,
    `  <file id="${escape(options.id, true)}"${options.original ? ` original="${escape(options.original, true)}"` : ''}>`,
    ...units,
    '  </file>',
    '</xliff>',
    '',
  ].join('\n');
}

/** Reads the target texts of an XLIFF 2.0 file back into rows (units without a target are left out: not translated yet). */
export function fromXliff(text: string): { target: string; rows: TextRow[] } {
  const target = /<xliff\b[^>]*\btrgLang="([^"]*)"/.exec(text)?.[1];
  if (!target) throw new Error('Not an XLIFF 2.0 file with a trgLang');
  const rows: TextRow[] = [];
  for (const unit of text.matchAll(/<unit\b([^>]*)>([\s\S]*?)<\/unit>/g)) {
    const name = /\bname="([^"]*)"/.exec(unit[1]!)?.[1];
    const translation = /<target\b[^>]*>([\s\S]*?)<\/target>/.exec(unit[2]!)?.[1];
    const context = /<note\b[^>]*>([\s\S]*?)<\/note>/.exec(unit[2]!)?.[1] ?? '';
    if (name === undefined || translation === undefined) continue;
    rows.push({ path: unescape(name), context: unescape(context), texts: { [unescape(target)]: unescape(translation) } });
  }
  return { target: unescape(target), rows };
}
