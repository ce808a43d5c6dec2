/** The closed set of transforms a mapping may name: each turns a dataset's value into a field's, or says why not. */
import type { JsonValue, MyDataTransform } from '@formosa/schema';
import { isPresent, normalizeText, textOf } from './text.js';
import { rocDate } from './roc-date.js';
import { maskedId } from './masked-id.js';
import { twCounty } from './tw-county.js';
import { twAddress } from './tw-address.js';

/** A transform's outcome. The reason never repeats the value: problems are logged, and the values are personal data. */
export type TransformResult = { readonly value: JsonValue } | { readonly problem: string };

const INTEGER = /^-?(\d{1,3}(,\d{3})+|\d+)$/;

/**
 * Applies a transform to a value selected from a dataset (for `join`, the list of values; for `present`, the whole
 * selection).
 * @example
 * transform('roc-date', '107年01月01日') // { value: '2018-01-01' }
 * transform({ enum: { 低收入戶: 'low' } }, '中低收入戶') // { problem: 'not one of the values the form knows' }
 */
export function transform(name: MyDataTransform, value: unknown): TransformResult {
  if (typeof name === 'object') {
    if ('enum' in name) return enumOf(name.enum, value);
    if ('join' in name) return join(name.join.separator ?? '', value);
    if ('present' in name) return { value: isPresent(value) ? name.present.yes : name.present.no };
    return { problem: 'unknown transform' };
  }
  switch (name) {
    case 'text': {
      const text = textOf(value);
      return text ? { value: text } : { problem: text === '' ? 'empty' : 'not a text or number' };
    }
    case 'roc-date':
      return fromString(rocDate(value), 'not a date of the 民國 calendar (yyyMMdd, yyy年MM月dd日, yy/MM/dd, …) or a day that does not exist');
    case 'masked-id':
      return fromString(maskedId(value), 'not a national ID or resident number, masked or not');
    case 'tw-county':
      return fromString(twCounty(value), 'not a county or city of Taiwan');
    case 'tw-address':
      return fromString(twAddress(value), 'not an address of the household register (village, neighbor, street_doorplate)');
    case 'integer':
      return integer(value);
    default:
      return { problem: 'unknown transform' };
  }
}

function fromString(value: string | undefined, problem: string): TransformResult {
  return value === undefined ? { problem } : { value };
}

function integer(value: unknown): TransformResult {
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? normalizeText(value) : undefined;
  if (text === undefined || !INTEGER.test(text)) return { problem: 'not a whole number' };
  const number = Number(text.replace(/,/g, ''));
  return Number.isSafeInteger(number) ? { value: number } : { problem: 'not a whole number in range' };
}

function enumOf(table: Readonly<Record<string, string | number | boolean>>, value: unknown): TransformResult {
  const key = textOf(value);
  if (key === undefined || !Object.hasOwn(table, key)) return { problem: 'not one of the values the form knows' };
  return { value: table[key]! };
}

function join(separator: string, value: unknown): TransformResult {
  if (!Array.isArray(value)) return { problem: 'join reads several values' };
  const parts: string[] = [];
  for (let i = 0; i < value.length; i++) {
    const text = textOf(value[i]);
    if (!text) return { problem: `part ${i + 1} of ${value.length} is missing` };
    parts.push(text);
  }
  return { value: parts.join(separator) };
}
