/**
 * The checks of a definition's `mydata` block that its shape cannot express: every mapping reads a dataset the form
 * declared (data minimisation), a value that dataset has, and fills a field the form has; every declared dataset is
 * read. Each problem points at the offending place, so the loader gives it a line and a column.
 */
import type { FormDefinition, LocalizedText, MyDataFieldMapping, MyDataRepeatMapping } from './types.js';
import type { Problem } from './problem.js';
import { didYouMean as closest } from './problem.js';
import { LIMITS } from './limits.js';
import { forEachItem, isField, isRepeat } from './layout.js';
import { resolvePath } from './pointer.js';
import { myDataDataset, MYDATA_DATASETS, type MyDataDatasetInfo } from './mydata-datasets.js';
import { parseMyDataPath, type MyDataPathSegment } from './mydata-path.js';

type Report = (path: string, code: string, message: string, severity?: Problem['severity']) => void;

/** Suggestions cost a distance per candidate: past a few, a hostile block of bad mappings gets plain messages. */
const SUGGESTIONS = 50;
let suggestionsLeft = SUGGESTIONS;
function didYouMean(word: string, candidates: Iterable<string>): string {
  return suggestionsLeft-- > 0 ? closest(word, candidates) : '';
}

/** The fields a mapping may fill: top-level field pointers, and per repeat the relative paths of its entries' fields. */
interface FormFields {
  readonly fields: ReadonlySet<string>;
  readonly repeats: ReadonlyMap<string, ReadonlySet<string>>;
}

/** What the linter needs of the block while it walks the mappings. */
interface Scope {
  readonly declared: ReadonlyMap<string, MyDataDatasetInfo | undefined>;
  readonly read: Set<string>;
  readonly report: Report;
}

/**
 * Reports the problems of the `mydata` block, if the definition has one.
 * @example
 * checkMyData(definition, (path, code, message) => problems.push({ severity: 'error', path, code, message }));
 */
export function checkMyData(definition: FormDefinition, report: Report): void {
  const spec = definition.mydata;
  if (!spec) return;
  suggestionsLeft = SUGGESTIONS;
  if (spec.map.length > LIMITS.fields || spec.datasets.length > Object.keys(MYDATA_DATASETS).length * 2) {
    return report('/mydata', 'too_large', `at most ${LIMITS.fields.toLocaleString('en')} mappings and one declaration per dataset`);
  }
  const form = formFields(definition);
  checkTexts(definition, report);
  if (!form.fields.has(spec.subject)) {
    report('/mydata/subject', 'mydata_unknown_field', `"${spec.subject}" is not a field of the form: the subject is the field where the citizen gives their national ID${didYouMean(spec.subject, form.fields)}`);
  }
  const declared = new Map<string, MyDataDatasetInfo | undefined>();
  spec.datasets.forEach(({ resource }, i) => {
    const at = `/mydata/datasets/${i}/resource`;
    const info = myDataDataset(resource);
    if (declared.has(resource)) report(at, 'mydata_duplicate_dataset', `"${resource}" is declared twice`);
    declared.set(resource, info);
    if (!info) report(at, 'mydata_unknown_dataset', `"${resource}" is not a dataset Formosa knows (MYDATA_DATASETS)${didYouMean(resource, Object.keys(MYDATA_DATASETS))}`);
    else if (info.format !== 'json') report(at, 'mydata_not_mappable', `"${resource}" (${info.name['en']}) is a PDF document: nothing in it can fill a field`);
  });
  const scope: Scope = { declared, read: new Set(), report };
  const mapped = new Map<string, string>();
  const claim = (pointer: string, at: string) => {
    const first = mapped.get(pointer);
    if (first !== undefined) report(at, 'mydata_duplicate_field', `"${pointer}" is already filled by the mapping at ${first}`);
    else mapped.set(pointer, at);
  };
  spec.map.forEach((mapping, i) => {
    const at = `/mydata/map/${i}`;
    if ('repeat' in mapping) {
      claim(mapping.repeat, `${at}/repeat`);
      checkRepeatMapping(mapping, at, form, scope);
      return;
    }
    claim(mapping.field, `${at}/field`);
    if (!form.fields.has(mapping.field)) {
      const inRepeat = [...form.repeats.keys()].find((r) => mapping.field.startsWith(`${r}/`));
      report(`${at}/field`, 'mydata_unknown_field', inRepeat
        ? `"${mapping.field}" is inside the repeat "${inRepeat}": fill it with a repeat mapping ({"repeat": "${inRepeat}", "from": …, "fields": […]})`
        : `"${mapping.field}" is not a field of the form${didYouMean(mapping.field, form.fields)}`);
    }
    checkFieldMapping(mapping, at, undefined, scope);
  });
  spec.datasets.forEach(({ resource }, i) => {
    if (declared.get(resource)?.format === 'json' && !scope.read.has(resource)) {
      report(`/mydata/datasets/${i}`, 'mydata_unused_dataset', `no mapping reads "${resource}": ask the citizen only for the data the form uses`);
    }
  });
}

function formFields(definition: FormDefinition): FormFields {
  const fields = new Set<string>();
  const repeats = new Map<string, Set<string>>();
  forEachItem(definition, (item, { repeat }) => {
    if (isRepeat(item)) repeats.set(item.repeat, repeats.get(item.repeat) ?? new Set());
    else if (isField(item) && repeat) repeats.get(repeat.repeat)?.add(item.field);
    else if (isField(item)) fields.add(resolvePath(item.field));
  });
  return { fields, repeats };
}

function checkRepeatMapping(mapping: MyDataRepeatMapping, at: string, form: FormFields, scope: Scope): void {
  const entryFields = form.repeats.get(mapping.repeat);
  if (!entryFields) scope.report(`${at}/repeat`, 'mydata_unknown_field', `"${mapping.repeat}" is not a repeat of the form${didYouMean(mapping.repeat, form.repeats.keys())}`);
  const list = checkSource(mapping.from, `${at}/from`, scope);
  if (list && !list.endsOnList) scope.report(`${at}/from`, 'mydata_not_a_list', `"${mapping.from}" selects no list: a repeat is filled from a list such as "personHouseholdData21" or "personHouseholdData21[person_id!=$subject]"`);
  mapping.fields.forEach((field, j) => {
    const fieldAt = `${at}/fields/${j}`;
    if (entryFields && !entryFields.has(field.field)) {
      scope.report(`${fieldAt}/field`, 'mydata_unknown_field', `"${field.field}" is not a field of the repeat "${mapping.repeat}"${didYouMean(field.field, entryFields)}`);
    }
    checkFieldMapping(field, fieldAt, { entry: list?.endsOnList ? list : undefined }, scope);
  });
}

/** Where a path ended: in which dataset, at which catalogue path, and whether what it selects is a list. */
interface Reached {
  readonly info: MyDataDatasetInfo;
  readonly resource: string;
  readonly at: string;
  readonly endsOnList: boolean;
}

/**
 * Checks a field mapping's `from` (one or, for join, several). Inside a repeat mapping, `repeat.entry` is the list its
 * paths start in (`undefined` when that list could not be resolved: only their syntax is checked then).
 */
function checkFieldMapping(mapping: MyDataFieldMapping, at: string, repeat: { entry: Reached | undefined } | undefined, scope: Scope): void {
  const joins = typeof mapping.transform === 'object' && 'join' in mapping.transform;
  if (typeof mapping.from === 'string') {
    if (joins) scope.report(`${at}/from`, 'mydata_bad_join', 'join reads several values: give "from" a list of two or more paths');
    check(mapping.from, `${at}/from`);
  } else {
    if (!joins) scope.report(`${at}/from`, 'mydata_bad_join', 'a list of paths is read only by the join transform ({"join": {"separator": ""}})');
    mapping.from.forEach((from, k) => check(from, `${at}/from/${k}`));
  }
  function check(from: string, fromAt: string): void {
    if (!repeat) return void checkSource(from, fromAt, scope);
    const parsed = parseMyDataPath(from);
    if (!parsed.ok) return scope.report(fromAt, 'mydata_bad_path', `${JSON.stringify(from)}: ${parsed.reason}`);
    if (repeat.entry) walk(repeat.entry.info, repeat.entry.resource, parsed.segments, `${repeat.entry.at}[]`, fromAt, scope.report);
  }
}

/** Checks a `resource:path`: syntax, declared, known, JSON, and a path the dataset has. */
function checkSource(from: string, at: string, scope: Scope): Reached | undefined {
  const parsed = parseMyDataPath(from, { resource: true });
  if (!parsed.ok) return void scope.report(at, 'mydata_bad_path', `${JSON.stringify(from)}: ${parsed.reason}`);
  const resource = parsed.resource!;
  if (!scope.declared.has(resource)) {
    return void scope.report(at, 'mydata_undeclared_dataset', `"${resource}" is not declared in "datasets": a form reads only the datasets it asks the citizen for${didYouMean(resource, scope.declared.keys())}`);
  }
  scope.read.add(resource);
  const info = scope.declared.get(resource);
  if (!info) return undefined; // reported where it is declared
  if (info.format !== 'json') return void scope.report(at, 'mydata_not_mappable', `"${resource}" is a PDF document: nothing in it can fill a field`);
  return walk(info, resource, parsed.segments, '', at, scope.report);
}

/** Follows the segments through the catalogue's known paths, from `base` (`''`, or a list's `name[]`). */
function walk(info: MyDataDatasetInfo, resource: string, segments: readonly MyDataPathSegment[], base: string, at: string, report: Report): Reached | undefined {
  const known = knownPaths(info);
  let current = base;
  let endsOnList = false;
  for (const [i, segment] of segments.entries()) {
    const path = current ? `${current}.${segment.name}` : segment.name;
    const isList = known.has(`${path}[]`);
    if (!isList && !known.has(path)) {
      const children = [...known].filter((k) => k.startsWith(current ? `${current}.` : '') && !k.slice(current ? current.length + 1 : 0).includes('.')).map((k) => k.slice(current ? current.length + 1 : 0).replace(/\[\]$/, ''));
      return void report(at, 'mydata_unknown_path', `${resource} has no "${path.replace(/\[\]/g, '')}"${didYouMean(segment.name, children)}`);
    }
    const last = i === segments.length - 1;
    if ((segment.index !== undefined || segment.filter) && !isList) return void report(at, 'mydata_unknown_path', `"${segment.name}" is not a list: an index or a filter applies to lists`);
    if (segment.filter) {
      const key = `${path}[].${segment.filter.key}`;
      if (!known.has(key)) {
        const keys = [...known].filter((k) => k.startsWith(`${path}[].`)).map((k) => k.slice(path.length + 3)).filter((k) => !k.includes('.'));
        return void report(at, 'mydata_unknown_path', `the elements of "${segment.name}" have no "${segment.filter.key}" to filter on${didYouMean(segment.filter.key, keys)}`);
      }
    }
    current = isList ? `${path}[]` : path;
    endsOnList = last && isList && segment.index === undefined;
  }
  return { info, resource, at: current.replace(/\[\]$/, ''), endsOnList };
}

const knownCache = new WeakMap<MyDataDatasetInfo, ReadonlySet<string>>();

/** Every known path and each of its prefixes: `a[].b` gives `a[]` and `a[].b`. */
function knownPaths(info: MyDataDatasetInfo): ReadonlySet<string> {
  const cached = knownCache.get(info);
  if (cached) return cached;
  const known = new Set<string>();
  for (const field of info.fields) {
    const parts = field.split('.');
    for (let i = 1; i <= parts.length; i++) known.add(parts.slice(0, i).join('.'));
  }
  knownCache.set(info, known);
  return known;
}

/** The consent step shows these texts: like every other text, in the default locale and translated. */
function checkTexts(definition: FormDefinition, report: Report): void {
  const spec = definition.mydata!;
  const texts: [LocalizedText, string][] = [[spec.purpose, '/mydata/purpose'], ...spec.datasets.map((d, i): [LocalizedText, string] => [d.why, `/mydata/datasets/${i}/why`])];
  for (const [text, path] of texts) {
    if (!text[definition.defaultLocale]) report(path, 'missing_default_text', `has no ${definition.defaultLocale} text (the default locale)`);
    for (const locale of definition.locales) {
      if (locale !== definition.defaultLocale && !text[locale]) report(path, 'missing_translation', `has no ${locale} text`, 'warning');
    }
  }
}
