/** Checks a structurally valid definition for what a JSON Schema cannot express: bindings, rules, texts. */
import type { Expression, FieldItem, FormDefinition, JsonSchema, LayoutItem } from './types.js';
import type { Problem } from './problem.js';
import { didYouMean } from './problem.js';
import { forEachItem, fieldPattern, isField, isRepeat, isSection, optionSourceOf, optionsOf } from './layout.js';
import { forEachText } from './texts.js';
import { subschemaAt, typesOf, isRequiredProperty, type SchemaNode } from './data-schema.js';
import { OPERATORS, argumentsOf, operatorOf } from './expression.js';
import { computedGraph } from './computed.js';
import { checkMyData } from './mydata-lint.js';
import { formatPointer, isIndexSegment, parsePointer, resolvePath } from './pointer.js';

type Report = (path: string, code: string, message: string, severity?: Problem['severity']) => void;

/**
 * Problems a definition has beyond its shape. Written for definitions that passed the meta-schema; with
 * `tolerant`, each check that trips over a malformed part (already reported by the meta-schema) is skipped, so
 * the others still report what they find.
 * @example
 * semanticProblems(definition).filter((p) => p.severity === 'error')
 */
export function semanticProblems(definition: FormDefinition, options: { tolerant?: boolean } = {}): Problem[] {
  const problems: Problem[] = [];
  const report: Report = (path, code, message, severity = 'error') => problems.push({ severity, path, code, message });
  const run = (check: () => void): boolean => {
    if (!options.tolerant) return check(), true;
    try {
      check();
      return true;
    } catch {
      // The shape problem that made this check trip is in the list already.
      return false;
    }
  };
  run(() => checkLocales(definition, report));
  run(() => checkIds(definition, report));
  let bindings = { bound: new Set<string>(), files: new Set<string>() };
  const bound = run(() => (bindings = checkBindings(definition, report)));
  run(() => checkExpressions(definition, report));
  run(() => checkOptionSources(definition, report));
  run(() => checkComputedCycles(definition, report));
  // Without every binding known, every answer would look unbound.
  if (bound) run(() => checkUnbound(definition.schema, bindings.bound, bindings.files, report));
  run(() => checkOptionSets(definition, report));
  run(() => checkLoneCheckboxes(definition, report));
  run(() => checkMyData(definition, report));
  return problems;
}

/**
 * Yes/no boxes side by side with no question above them (婚後兩年內, 育有未成年子女): a screen reader hears each box
 * alone and nobody hears what is asked. A section's title (its legend) is that question.
 */
function checkLoneCheckboxes(definition: FormDefinition, report: Report): void {
  definition.steps.forEach((step, s) => {
    let run: number[] = [];
    const flush = () => {
      if (run.length >= 2) {
        report(`/steps/${s}/items/${run[0]}`, 'checkboxes_without_question',
          `${run.length} yes/no boxes follow each other with no question: put them in a section whose title asks it (e.g. "Do any of these apply to you?")`, 'warning');
      }
      run = [];
    };
    step.items.forEach((item, i) => {
      const lone = isField(item) && !item.statement && typesOf(subschemaAt(definition.schema, fieldPattern(item))).includes('boolean');
      if (lone) run.push(i);
      else flush();
    });
    flush();
  });
}

/** Option lists no field uses: translations nobody will see. */
function checkOptionSets(definition: FormDefinition, report: Report): void {
  const used = new Set<string>();
  forEachItem(definition, (item) => {
    if (isField(item) && typeof item.options === 'string') used.add(item.options);
  });
  for (const name of Object.keys(definition.optionSets ?? {})) {
    if (!used.has(name)) report(`/optionSets/${name}`, 'unused_option_set', `no field uses the option list "${name}"`, 'warning');
  }
}

function checkLocales(definition: FormDefinition, report: Report): void {
  const { defaultLocale, locales } = definition;
  if (!locales.includes(defaultLocale)) report('/defaultLocale', 'default_locale_not_listed', `"${defaultLocale}" must also be listed in "locales"`);
  forEachText(definition, (text, path) => {
    if (!text[defaultLocale]) report(path, 'missing_default_text', `has no ${defaultLocale} text (the default locale)`);
    for (const locale of locales) {
      if (locale !== defaultLocale && !text[locale]) report(path, 'missing_translation', `has no ${locale} text`, 'warning');
    }
    for (const locale of Object.keys(text)) {
      if (!locales.includes(locale)) report(`${path}/${locale}`, 'undeclared_locale', `locale "${locale}" is not listed in "locales"${didYouMean(locale, locales)}`, 'warning');
    }
  });
}

function checkIds(definition: FormDefinition, report: Report): void {
  const seen = new Map<string, string>();
  const claim = (id: string, path: string) => {
    const first = seen.get(id);
    if (first !== undefined) report(path, 'duplicate_id', `the id "${id}" is already used at ${first}`);
    else seen.set(id, path);
  };
  definition.steps.forEach((step, i) => claim(step.id, `/steps/${i}/id`));
  forEachItem(definition, (item, { path }) => {
    if (isSection(item)) claim(item.section, `${path}/section`);
    else if ('content' in item) claim(item.content, `${path}/content`);
  });
}

const WIDGET_TYPES: Record<string, string[]> = {
  text: ['string'], textarea: ['string'], email: ['string'], tel: ['string'], date: ['string'],
  number: ['number', 'integer'], checkbox: ['boolean'], select: ['string', 'number', 'integer', 'boolean'], radio: ['string', 'number', 'integer', 'boolean'],
  file: ['array'],
};

/** Checks each field and repeat against the data schema; returns the bound pointer patterns (and those of file lists). */
function checkBindings(definition: FormDefinition, report: Report): { bound: Set<string>; files: Set<string> } {
  const bound = new Map<string, string>();
  const files = new Set<string>();
  forEachItem(definition, (item, { path, repeat, parents, step }) => {
    if (isRepeat(item)) {
      const node = subschemaAt(definition.schema, item.repeat);
      if (!node) report(`${path}/repeat`, 'unknown_data_property', `no property "${item.repeat}" in the data schema${suggestProperty(definition.schema, item.repeat)}`);
      else if (!typesOf(node).includes('array') || !typesOf(subschemaAt(definition.schema, `${item.repeat}/*`)).includes('object'))
        report(`${path}/repeat`, 'repeat_not_array', `"${item.repeat}" must be an array of objects in the data schema`);
      else bound.set(item.repeat, path);
      return;
    }
    if (!isField(item)) return;
    if (repeat && item.field.startsWith('/')) {
      report(`${path}/field`, 'absolute_in_repeat', `inside a repeat, write the path relative to the entry (e.g. "${item.field.split('/').pop()}")`);
      return;
    }
    if (!repeat && parsePointer(item.field).some(isIndexSegment)) {
      report(`${path}/field`, 'field_in_array', 'a field cannot point into an array; use a repeat for lists');
      return;
    }
    const pattern = fieldPattern(item, repeat);
    const node = subschemaAt(definition.schema, pattern);
    if (!node) {
      report(`${path}/field`, 'unknown_data_property', `no property "${pattern}" in the data schema${suggestProperty(definition.schema, pattern)}`);
      return;
    }
    const first = bound.get(pattern);
    if (first !== undefined) report(`${path}/field`, 'duplicate_field', `"${pattern}" is already bound by the field at ${first}`);
    bound.set(pattern, path);
    if (item.widget === 'file') files.add(pattern);
    checkWidget(definition, item, node, path, report);
    // An entry of a repeat exists only while the repeat is shown, so only the field's own condition counts there.
    const conditional = item.visibleWhen !== undefined || (!repeat && (step.visibleWhen !== undefined || parents.some((p) => p.visibleWhen !== undefined)));
    const segments = parsePointer(pattern);
    const parent = subschemaAt(definition.schema, formatPointer(segments.slice(0, -1)));
    if (conditional && isRequiredProperty(parent, segments.at(-1)!)) {
      report(`${path}/field`, 'required_but_conditional',
        `"${pattern}" is required by the data schema but this field can be hidden; remove it from "required" in the schema and set "required": true on the field`);
    }
  });
  return { bound: new Set(bound.keys()), files };
}

function checkWidget(definition: FormDefinition, field: FieldItem, node: SchemaNode, path: string, report: Report): void {
  const types = typesOf(node);
  if (field.widget === 'file') {
    if (!types.includes('array')) report(`${path}/field`, 'file_not_array', 'a file field holds a list of files: bind it to an array ({"type": "array", "items": {"type": "object"}})');
    return;
  }
  if (types.includes('object') || types.includes('array')) {
    report(`${path}/field`, 'not_a_value', `a field must be bound to a single value, not to ${types.includes('object') ? 'an object' : 'an array'}`);
    return;
  }
  if (field.accept || field.maxSize || field.capture) report(path, 'file_options_without_file', '"accept", "maxSize" and "capture" apply to file fields ("widget": "file")');
  const widget = field.widget;
  if (widget && types.length && !types.some((t) => WIDGET_TYPES[widget]?.includes(t)))
    report(`${path}/widget`, 'widget_mismatch', `a ${widget} widget cannot hold a value of type ${types.join(' or ')}`);
  if (field.statement && !types.includes('boolean')) report(`${path}/statement`, 'statement_not_checkbox', 'a statement goes with a yes/no (boolean) field, the checkbox that agrees to it');
  if (field.calendar && node['format'] !== 'date') report(`${path}/calendar`, 'calendar_not_date', 'a calendar applies only to a field whose schema has "format": "date"');
  if (field.currency && !types.some((t) => t === 'number' || t === 'integer')) report(`${path}/currency`, 'currency_not_number', 'a currency applies only to a number field');
  const source = optionSourceOf(field);
  if (source) {
    if (source.source === 'tw-districts' && !source.county) report(`${path}/options`, 'missing_county', 'districts need "county": the path of the county answer');
    if (source.source !== 'tw-districts' && source.county) report(`${path}/options/county`, 'unexpected_county', `"county" applies only to tw-districts`);
    return;
  }
  const enumValues = Array.isArray(node['enum']) ? (node['enum'] as unknown[]) : undefined;
  const options = optionsOf(definition, field);
  if (typeof field.options === 'string' && !options) {
    report(`${path}/options`, 'unknown_option_set', `no option list "${field.options}" in "optionSets"${didYouMean(field.options, Object.keys(definition.optionSets ?? {}))}`);
    return;
  }
  if ((widget === 'select' || widget === 'radio') && !enumValues && !options)
    report(`${path}/options`, 'missing_options', `a ${widget} field needs "options" and an "enum" in the data schema`);
  if (enumValues && !options && !field.computed)
    report(path, 'missing_options', 'the data schema has an "enum": give each value a label in "options"');
  if (options && enumValues) {
    const where = typeof field.options === 'string' ? `/optionSets/${field.options}` : `${path}/options`;
    options.forEach((option, i) => {
      if (!enumValues.includes(option.value)) report(`${where}/${i}/value`, 'option_not_in_enum', `${JSON.stringify(option.value)} is not in the schema's enum ${JSON.stringify(enumValues)}`);
    });
    for (const value of enumValues) {
      if (!options.some((o) => o.value === value)) report(`${path}/options`, 'enum_without_option', `the enum value ${JSON.stringify(value)} has no option`);
    }
  }
}

function suggestProperty(schema: JsonSchema, pattern: string): string {
  const segments = parsePointer(pattern);
  const parent = subschemaAt(schema, formatPointer(segments.slice(0, -1)));
  const hint = didYouMean(segments.at(-1) ?? '', Object.keys((parent?.['properties'] as object | undefined) ?? {}));
  const name = hint.slice(hint.indexOf('"') + 1, hint.lastIndexOf('"'));
  return hint ? ` (did you mean "${formatPointer([...segments.slice(0, -1), name])}"?)` : '';
}

/** Every expression slot of the definition with its path and the repeat scope it is evaluated in. */
export function forEachExpression(definition: FormDefinition, visit: (expression: Expression, path: string, scope: string) => void): void {
  definition.steps.forEach((step, i) => {
    if (step.visibleWhen !== undefined) visit(step.visibleWhen, `/steps/${i}/visibleWhen`, '');
  });
  forEachItem(definition, (item: LayoutItem, { path, repeat }) => {
    const scope = repeat ? `${repeat.repeat}/*` : '';
    // A repeat's own visibility is evaluated outside its entries.
    if (item.visibleWhen !== undefined) visit(item.visibleWhen, `${path}/visibleWhen`, isRepeat(item) ? '' : scope);
    if (!isField(item)) return;
    if (item.required !== undefined && typeof item.required !== 'boolean') visit(item.required, `${path}/required`, scope);
    if (item.computed !== undefined) visit(item.computed, `${path}/computed`, scope);
    item.checks?.forEach((check, c) => visit(check.assert, `${path}/checks/${c}/assert`, scope));
  });
}

/** The county path of a tw-districts source must name an answer, like a `var`. */
function checkOptionSources(definition: FormDefinition, report: Report): void {
  forEachItem(definition, (item, { path, repeat }) => {
    if (!isField(item)) return;
    const county = optionSourceOf(item)?.county;
    if (!county) return;
    const pattern = resolvePath(county, repeat ? `${repeat.repeat}/*` : '');
    if (!subschemaAt(definition.schema, pattern)) report(`${path}/options/county`, 'unknown_data_property', `"${pattern}" is not in the data schema${suggestProperty(definition.schema, pattern)}`);
  });
}

function checkExpressions(definition: FormDefinition, report: Report): void {
  forEachExpression(definition, (expression, path, scope) => {
    const walk = (node: unknown, at: string) => {
      if (Array.isArray(node)) return node.forEach((child, i) => walk(child, `${at}/${i}`));
      const op = operatorOf(node);
      if (op === undefined) {
        if (node !== null && typeof node === 'object') report(at, 'bad_expression', 'an expression object must have exactly one operator');
        return;
      }
      const signature = OPERATORS[op];
      if (!signature) return report(`${at}/${op}`, 'unknown_operator', `unknown operator "${op}"${didYouMean(op, Object.keys(OPERATORS))}`);
      const args = argumentsOf(node as object, op);
      const opPath = `${at}/${op.replace(/~/g, '~0').replace(/\//g, '~1')}`;
      if (args.length < signature.min || args.length > signature.max) {
        const range = signature.max === signature.min ? `${signature.min}` : signature.max === Infinity ? `at least ${signature.min}` : `${signature.min} to ${signature.max}`;
        report(opPath, 'wrong_arity', `"${op}" takes ${range} argument${signature.max === 1 && signature.min === 1 ? '' : 's'}, not ${args.length}`);
      }
      if (op === 'var') {
        const target = args[0];
        if (typeof target !== 'string') return report(opPath, 'bad_var', '"var" takes a path string such as "/applicant/name"');
        const pattern = resolvePath(target, scope);
        if (!subschemaAt(definition.schema, pattern)) report(opPath, 'unknown_data_property', `reads "${pattern}", which is not in the data schema${suggestProperty(definition.schema, pattern)}`);
        return;
      }
      if (op === 'sum' && args.length === 2 && typeof args[1] !== 'string') report(`${opPath}/1`, 'bad_argument', '"sum" takes the name of the property to add up as its second argument');
      args.forEach((arg, i) => walk(arg, Array.isArray((node as Record<string, unknown>)[op]) ? `${opPath}/${i}` : opPath));
    };
    walk(expression, path);
  });
}

function checkComputedCycles(definition: FormDefinition, report: Report): void {
  for (const { path, cycle } of computedGraph(definition).cycles) {
    report(`${path}/computed`, 'computed_cycle', `computed values depend on each other in a circle: ${cycle.join(' → ')}`);
  }
}

function checkUnbound(schema: JsonSchema, bound: Set<string>, files: Set<string>, report: Report): void {
  const walk = (pattern: string) => {
    if (files.has(pattern)) return; // a file list: its entries are the uploads' metadata
    const node = subschemaAt(schema, pattern);
    const types = typesOf(node);
    if (types.includes('object')) {
      for (const name of Object.keys((node?.['properties'] as object | undefined) ?? {})) walk(`${pattern}/${name}`);
    } else if (types.includes('array') && typesOf(subschemaAt(schema, `${pattern}/*`)).includes('object') && bound.has(pattern)) {
      walk(`${pattern}/*`);
    } else if (!bound.has(pattern)) {
      report(`/schema${pattern.split('/').slice(1).map((s) => (s === '*' ? '/items' : `/properties/${s}`)).join('')}`, 'unbound_property', `no field fills in "${pattern}"`, 'warning');
    }
  };
  walk('');
}
