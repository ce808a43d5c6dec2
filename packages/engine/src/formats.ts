/**
 * Checks and normalisation for the formats of KNOWN_FORMATS, Taiwan's identity numbers among them.
 * A check returns `undefined` when the value is valid, else the reason: `shape` (wrong pattern),
 * `checksum` (right pattern, wrong check digit), `date` (no such calendar day) or `incomplete`
 * (a date entered in parts with a part missing, e.g. `2024--02`).
 */
import type { KnownFormat } from '@formosa/schema';

export type FormatProblem = 'shape' | 'checksum' | 'date' | 'incomplete';

/** Area letters of national ID and resident certificate numbers and their two-digit codes. */
const LETTER_CODES: Record<string, number> = {
  A: 10, B: 11, C: 12, D: 13, E: 14, F: 15, G: 16, H: 17, I: 34, J: 18, K: 19, L: 20, M: 21,
  N: 22, O: 35, P: 23, Q: 24, R: 25, S: 26, T: 27, U: 28, V: 29, W: 32, X: 30, Y: 31, Z: 33,
};

/** Weighted checksum shared by national IDs and both resident certificate formats. */
function personChecksumOk(letter: string, digits: readonly number[]): boolean {
  const code = LETTER_CODES[letter]!;
  const weights = [8, 7, 6, 5, 4, 3, 2, 1, 1];
  const sum = Math.floor(code / 10) + (code % 10) * 9 + digits.reduce((total, d, i) => total + d * weights[i]!, 0);
  return sum % 10 === 0;
}

/** 身分證字號: a letter, 1 or 2 (sex), 8 digits, the last a check digit. */
export function checkNationalId(value: string): FormatProblem | undefined {
  if (!/^[A-Z][12]\d{8}$/.test(value)) return 'shape';
  return personChecksumOk(value[0]!, [...value.slice(1)].map(Number)) ? undefined : 'checksum';
}

/**
 * 居留證 / 外來人口統一證號: the 2021 format (a letter, 8 or 9, 8 digits — the national ID checksum)
 * or the old format (two letters, 8 digits; the second letter counts as the last digit of its code).
 */
export function checkResidentId(value: string): FormatProblem | undefined {
  if (/^[A-Z][89]\d{8}$/.test(value)) return personChecksumOk(value[0]!, [...value.slice(1)].map(Number)) ? undefined : 'checksum';
  if (/^[A-Z][A-D]\d{8}$/.test(value)) {
    const second = LETTER_CODES[value[1]!]! % 10;
    return personChecksumOk(value[0]!, [second, ...[...value.slice(2)].map(Number)]) ? undefined : 'checksum';
  }
  return 'shape';
}

/** Either a national ID or a resident certificate number. */
export function checkPersonId(value: string): FormatProblem | undefined {
  return /^[A-Z][12]/.test(value) ? checkNationalId(value) : checkResidentId(value);
}

/**
 * 統一編號 (business ID): 8 digits, weights 1,2,1,2,1,2,4,1, digit sums of the products added;
 * valid when the total is divisible by 5 (the rule since 2023, which accepts every number valid under
 * the old divisible-by-10 rule). When the 7th digit is 7, its product 28 counts as either 1 or 0.
 */
export function checkBusinessId(value: string): FormatProblem | undefined {
  if (!/^\d{8}$/.test(value)) return 'shape';
  const weights = [1, 2, 1, 2, 1, 2, 4, 1];
  const sum = [...value].reduce((total, d, i) => {
    const product = Number(d) * weights[i]!;
    return total + Math.floor(product / 10) + (product % 10);
  }, 0);
  if (sum % 5 === 0) return undefined;
  return value[6] === '7' && (sum + 1) % 5 === 0 ? undefined : 'checksum';
}

/** Mobile numbers: 09 and 8 more digits. */
export function checkMobile(value: string): FormatProblem | undefined {
  return /^09\d{8}$/.test(value) ? undefined : 'shape';
}

/** Landline (area code 02–08 and the local number, 9 or 10 digits in all) or mobile. */
export function checkPhone(value: string): FormatProblem | undefined {
  return /^09\d{8}$/.test(value) || /^0[2-8]\d{7,8}$/.test(value) ? undefined : 'shape';
}

/** A bank account number: 10 to 16 digits (Chunghwa Post's are 14: office and account number). */
export function checkBankAccount(value: string): FormatProblem | undefined {
  return /^\d{10,16}$/.test(value) ? undefined : 'shape';
}

/** A calendar date written YYYY-MM-DD. */
export function checkDate(value: string): FormatProblem | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return /^\d*-\d*-\d*$/.test(value) && value.split('-').some((part) => part === '') ? 'incomplete' : 'shape';
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? undefined : 'date';
}

/** A practical e-mail check: something@domain.tld without spaces. */
export function checkEmail(value: string): FormatProblem | undefined {
  return /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/.test(value) ? undefined : 'shape';
}

/** Full-width ASCII (typed with a Chinese input method) to half-width: "０９１２" → "0912". */
/**
 * A number as people write it: decimal digits (full-width too), an optional sign, a decimal point, thousands
 * separators and spaces; `undefined` for anything else, `0x0A`, `0b11`, `1e1` and `Infinity` included.
 * @example
 * decimalNumber('１２,０００') // 12000
 */
export function decimalNumber(text: string): number | undefined {
  const plain = toHalfWidth(text).replace(/[,\s]/g, '');
  return /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(plain) ? Number(plain) : undefined;
}

export function toHalfWidth(value: string): string {
  return value.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

const idNormalizer = (value: string) => toHalfWidth(value).replace(/[\s-]/g, '').toUpperCase();
const phoneNormalizer = (value: string) => toHalfWidth(value).replace(/[\s\-()]/g, '');

/** Per format: the canonical form of what a citizen typed, and the check of that form. */
export const FORMATS: Readonly<Record<KnownFormat, { normalize: (value: string) => string; check: (value: string) => FormatProblem | undefined }>> = {
  date: { normalize: (v) => toHalfWidth(v).trim(), check: checkDate },
  email: { normalize: (v) => toHalfWidth(v).trim(), check: checkEmail },
  'tw-national-id': { normalize: idNormalizer, check: checkNationalId },
  'tw-resident-id': { normalize: idNormalizer, check: checkResidentId },
  'tw-person-id': { normalize: idNormalizer, check: checkPersonId },
  'tw-business-id': { normalize: idNormalizer, check: checkBusinessId },
  'tw-mobile': { normalize: phoneNormalizer, check: checkMobile },
  'tw-phone': { normalize: phoneNormalizer, check: checkPhone },
  'tw-bank-account': { normalize: phoneNormalizer, check: checkBankAccount },
};

/** The range of 民國 (ROC) years a date field in the ROC calendar accepts: 民國元年 (1912) to 民國 200 年 (2111). */
export const ROC_YEARS = { min: 1, max: 200 } as const;

/** 民國元年 is 1912: a Gregorian year is its ROC year plus 1911. */
export const ROC_OFFSET = 1911;

/** The ROC year of an ISO date (2024-05-02 → 113). */
export function rocYearOf(iso: string): number {
  return Number(iso.slice(0, 4)) - ROC_OFFSET;
}
