/**
 * Texts as CSV (RFC 4180) for spreadsheets: one row per text, a column per locale, with its path and context.
 * UTF-8 with a byte-order mark and CRLF line ends, so Excel opens Chinese, Vietnamese and Thai correctly.
 */
import type { TextRow } from './texts.js';

const FIXED = ['path', 'context'] as const;

function cell(value: string): string {
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * @example
 * toCsv(collectTexts(definition), definition.locales)
 */
export function toCsv(rows: readonly TextRow[], locales: readonly string[]): string {
  const lines = [[...FIXED, ...locales].map(cell).join(',')];
  for (const row of rows) lines.push([row.path, row.context, ...locales.map((l) => row.texts[l] ?? '')].map(cell).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** Parses CSV written by {@link toCsv} (or re-saved by a spreadsheet) back into rows. */
export function fromCsv(text: string): TextRow[] {
  const records = parseCsv(text.replace(/^\uFEFF/, ''));
  const [header, ...body] = records;
  if (!header || header[0] !== 'path') throw new Error('The CSV must start with a header row whose first column is "path"');
  const locales = header.map((name, i) => ({ name, i })).filter(({ name }) => !(FIXED as readonly string[]).includes(name));
  return body
    .filter((record) => record.some((c) => c !== ''))
    .map((record) => ({
      path: record[0] ?? '',
      context: record[1] ?? '',
      texts: Object.fromEntries(locales.map(({ name, i }) => [name, record[i] ?? ''])),
    }));
}

/** RFC 4180: quoted cells may hold commas, quotes (doubled) and line breaks. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let value = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        value += '"';
        i++;
      } else if (c === '"') quoted = false;
      else value += c;
    } else if (c === '"' && value === '') quoted = true;
    else if (c === ',') {
      record.push(value);
      value = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      record.push(value);
      records.push(record);
      record = [];
      value = '';
    } else value += c;
  }
  if (value !== '' || record.length > 0) {
    record.push(value);
    records.push(record);
  }
  return records;
}
