/** The translatable texts of a definition, as rows, and their application back into it without losing or reordering anything. */
import { forEachText, parsePointer, type FormDefinition } from '@formosa/schema';

/** One text of the definition: where it is, what it is, and its wording per locale. */
export interface TextRow {
  readonly path: string;
  /** What the text is, for translators, e.g. "label", "hint", "options › label". */
  readonly context: string;
  readonly texts: Readonly<Record<string, string>>;
}

/**
 * Every text of a definition in document order.
 * @example
 * collectTexts(definition)[0] // { path: '/title', context: 'title', texts: { 'zh-Hant-TW': '租金補貼申請', en: 'Apply for a rent subsidy' } }
 */
export function collectTexts(definition: FormDefinition): TextRow[] {
  const rows: TextRow[] = [];
  forEachText(definition, (text, path) => rows.push({ path, context: contextOf(path), texts: { ...text } }));
  return rows;
}

function contextOf(path: string): string {
  const segments = parsePointer(path).filter((s) => !/^\d+$/.test(s));
  return segments.slice(-2).join(' › ');
}

/** A problem found while applying translations. */
export interface ImportProblem {
  readonly path: string;
  readonly message: string;
}

/**
 * Writes translations into a copy of the definition. A locale's empty cell removes that translation, except the
 * default locale's, which is required. Existing keys keep their place; new locales are appended (and declared).
 */
export function applyTexts(definition: FormDefinition, rows: readonly TextRow[]): { definition: FormDefinition; problems: ImportProblem[]; changed: number } {
  const copy = structuredClone(definition) as FormDefinition & { locales: string[] };
  const known = new Map<string, Record<string, string>>();
  forEachText(copy, (text, path) => known.set(path, text as Record<string, string>));
  const problems: ImportProblem[] = [];
  let changed = 0;
  for (const row of rows) {
    const target = known.get(row.path);
    if (!target) {
      problems.push({ path: row.path, message: 'no text at this path in the definition (was it moved or removed?)' });
      continue;
    }
    for (const [locale, value] of Object.entries(row.texts)) {
      if (value === '') {
        if (locale === copy.defaultLocale) problems.push({ path: row.path, message: `the ${locale} text (the default locale) cannot be empty` });
        else if (locale in target) {
          delete target[locale];
          changed++;
        }
        continue;
      }
      if (target[locale] !== value) {
        target[locale] = value;
        changed++;
      }
      if (!copy.locales.includes(locale)) copy.locales.push(locale);
    }
  }
  return { definition: copy, problems, changed };
}

/** Coverage of each declared locale: how many texts it has, and the paths of those it lacks. */
export function coverage(definition: FormDefinition): { locale: string; translated: number; total: number; missing: string[] }[] {
  const rows = collectTexts(definition);
  return definition.locales.map((locale) => {
    const missing = rows.filter((r) => !r.texts[locale]).map((r) => r.path);
    return { locale, translated: rows.length - missing.length, total: rows.length, missing };
  });
}

