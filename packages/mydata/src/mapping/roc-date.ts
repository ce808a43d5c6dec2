/**
 * Dates of the 民國 (Republic of China) calendar as agencies write them, to ISO 8601. Year 1 is 1912.
 * `0560914` and `560914` (yyyMMdd, yyMMdd), `107年01月01日` (optionally `民國107年1月1日`), `32/02/02`, `107.01.01`,
 * `107-01-01`; full-width digits too. Anything else, or a day the calendar does not have, is refused.
 */
import { ROC_OFFSET } from '@formosa/engine';
import { normalizeText } from './text.js';

const COMPACT = /^(\d{2,3})(\d{2})(\d{2})$/;
const WRITTEN = /^(?:民國\s*)?(\d{1,3})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$/;
const SEPARATED = /^(?:民國\s*)?(\d{1,3})([/.-])(\d{1,2})\2(\d{1,2})$/;

/**
 * @example
 * rocDate('0560914') // '1967-09-14'
 * rocDate('107年13月01日') // undefined
 */
export function rocDate(value: unknown): string | undefined {
  // A number has lost its leading zeros: 0100101 and 100101 would read alike.
  if (typeof value !== 'string') return undefined;
  const text = normalizeText(value);
  const parts = COMPACT.exec(text) ?? WRITTEN.exec(text);
  const separated = parts ? undefined : SEPARATED.exec(text);
  const [year, month, day] = parts ? [parts[1], parts[2], parts[3]] : separated ? [separated[1], separated[3], separated[4]] : [];
  if (year === undefined || month === undefined || day === undefined) return undefined;
  return isoDate(Number(year) + ROC_OFFSET, Number(month), Number(day));
}

function isoDate(year: number, month: number, day: number): string | undefined {
  if (year <= ROC_OFFSET || month < 1 || month > 12 || day < 1) return undefined;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > days) return undefined;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
