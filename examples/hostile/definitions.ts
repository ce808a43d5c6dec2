/**
 * Broken and hostile definitions, each with the verdict the definition gate must give: the error codes it
 * reports, or `ok`. The same corpus runs through the CLI, the server's loader and the browser's (tests in
 * examples/test/hostile-definitions.test.ts and packages/elements/src/internal/gate.test.ts).
 * Texts are built on demand: some are megabytes long.
 */

export interface HostileDefinition {
  readonly name: string;
  readonly text: () => string;
  /** The sorted, distinct codes of the errors reported, or 'ok' when the definition loads. */
  readonly verdict: readonly string[] | 'ok';
}

const T = (zh: string, en = zh) => ({ 'zh-Hant-TW': zh, en });

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- fixtures are mutated freely, then judged by the gate
type Draft = Record<string, any>;

/** A small, valid definition that every case breaks in one way. */
export function base(): Draft {
  return {
    formatVersion: 1, id: 'permit', version: '1.0.0', defaultLocale: 'zh-Hant-TW', locales: ['zh-Hant-TW', 'en'], title: T('許可申請', 'Permit'),
    schema: {
      type: 'object', required: ['name'],
      properties: { name: { type: 'string', maxLength: 50 }, kind: { type: 'string', enum: ['a', 'b'] }, total: { type: 'number' } },
    },
    steps: [{
      id: 'main', title: T('資料', 'Details'),
      items: [
        { field: '/name', label: T('姓名', 'Name') },
        { field: '/kind', label: T('種類', 'Kind'), options: [{ value: 'a', label: T('甲', 'A') }, { value: 'b', label: T('乙', 'B') }] },
        { field: '/total', label: T('合計', 'Total'), computed: { '+': [1, 2] } },
      ],
    }],
    submission: { endpoint: '/api/forms/permit/submissions' },
  };
}

const json = (draft: unknown) => JSON.stringify(draft, null, 2);
/** A case from a change to the base definition. */
const edit = (name: string, change: (d: Draft) => void, verdict: HostileDefinition['verdict']): HostileDefinition => ({
  name, verdict, text: () => {
    const d = base();
    change(d);
    return json(d);
  },
});
/** A case whose text is the base's with one replacement (for what JSON.stringify cannot write, such as __proto__ keys). */
const replace = (name: string, from: string, to: string, verdict: HostileDefinition['verdict']): HostileDefinition => ({
  name, verdict, text: () => {
    const text = json(base());
    if (!text.includes(from)) throw new Error(`${name}: "${from}" is not in the base definition`);
    return text.replace(from, to);
  },
});
const nest = (depth: number, leaf: unknown): unknown => {
  let node = leaf;
  for (let i = 0; i < depth; i++) node = { not: node };
  return node;
};
const fields = (count: number) => (d: Draft) => {
  for (let i = 0; i < count; i++) {
    d.schema.properties[`f${i}`] = { type: 'string', maxLength: 20 };
    d.steps[0].items.push({ field: `/f${i}`, label: T(`欄位${i}`, `Field ${i}`) });
  }
};

export const HOSTILE_DEFINITIONS: readonly HostileDefinition[] = [
  // Names that reach a prototype.
  replace('a __proto__ data property', '"name": {', '"__proto__": { "type": "string" },\n        "name": {', ['reserved_name']),
  replace('a constructor data property', '"name": {', '"constructor": { "type": "string" },\n        "name": {', ['reserved_name']),
  edit('a prototype option set', (d) => (d.optionSets = { prototype: [] }), ['reserved_name']),
  edit('a field bound to /__proto__/polluted', (d) => (d.steps[0].items[0].field = '/__proto__/polluted'), ['reserved_name']),
  edit('a rule reading /constructor/name', (d) => (d.steps[0].items[2].computed = { var: '/constructor/name' }), ['reserved_name']),
  replace('a text in the locale __proto__', '"en": "Name"', '"en": "Name", "__proto__": "x"', ['reserved_name']),
  edit('a $ref into #/$defs/__proto__', (d) => (d.schema.properties.name = { $ref: '#/$defs/__proto__' }), ['reserved_name']),
  // Patterns.
  edit('a catastrophic pattern ^(a+)+$ (accepted: patterns run in linear time)', (d) => (d.schema.properties.name.pattern = '^(a+)+$'), 'ok'),
  edit('a pattern with nested quantifiers (a|aa)*b', (d) => (d.schema.properties.name.pattern = '^(a|aa)*b$'), 'ok'),
  edit('an invalid pattern', (d) => (d.schema.properties.name.pattern = '(unclosed'), ['bad_pattern']),
  edit('a lookahead', (d) => (d.schema.properties.name.pattern = '^(?=a)a$'), ['bad_pattern']),
  edit('a backreference', (d) => (d.schema.properties.name.pattern = '^(a)\\1$'), ['bad_pattern']),
  edit('a pattern whose automaton is too large', (d) => (d.schema.properties.name.pattern = '^(a{100}){100}$'), ['bad_pattern']),
  edit('a pattern that is not a string', (d) => (d.schema.properties.name.pattern = 7), ['wrong_type']),
  // The vocabulary.
  edit('a misspelt keyword (minlength)', (d) => (d.schema.properties.name.minlength = 2), ['unknown_keyword']),
  edit('a misspelt required (requried)', (d) => ((d.schema.requried = d.schema.required), delete d.schema.required), ['unknown_keyword']),
  edit('patternProperties', (d) => (d.schema.patternProperties = { '^x': { type: 'string' } }), ['unknown_keyword']),
  edit('$id', (d) => (d.schema.$id = 'https://evil.example/schema'), ['unknown_keyword']),
  edit('$dynamicRef', (d) => (d.schema.properties.name.$dynamicRef = '#meta'), ['unknown_keyword']),
  edit('a type that does not exist', (d) => (d.schema.properties.name.type = 'strng'), ['wrong_value']),
  edit('a negative minLength', (d) => (d.schema.properties.name.minLength = -1), ['wrong_type']),
  edit('a fractional maxItems', (d) => (d.schema.properties.list = { type: 'array', maxItems: 1.5 }), ['wrong_type']),
  edit('required as a string', (d) => (d.schema.required = 'name'), ['wrong_type']),
  edit('an unknown format', (d) => (d.schema.properties.name.format = 'tw-nationalid'), ['unknown_format']),
  edit('an all-digit property name', (d) => (d.schema.properties['0'] = { type: 'string' }), ['numeric_property']),
  edit('a data schema of type array', (d) => (d.schema.type = 'array'), ['wrong_value']),
  edit('a data schema that is a string', (d) => (d.schema = 'object'), ['wrong_type']),
  edit('an empty enum', (d) => (d.schema.properties.kind.enum = []), ['option_not_in_enum', 'too_few']),
  // References.
  edit('a remote $ref', (d) => (d.schema.properties.name = { $ref: 'https://evil.example/name.json' }), ['remote_ref']),
  edit('a $ref to another file', (d) => (d.schema.properties.name = { $ref: 'other.json#/name' }), ['remote_ref']),
  edit('a $ref loop A → B → A', (d) => ((d.schema.$defs = { a: { $ref: '#/$defs/b' }, b: { $ref: '#/$defs/a' } }), (d.schema.properties.name = { $ref: '#/$defs/a' })), ['ref_cycle']),
  edit('"$ref": "#"', (d) => (d.schema.properties.name = { $ref: '#' }), ['ref_cycle']),
  edit('a recursive tree of properties', (d) => ((d.schema.$defs = { node: { type: 'object', properties: { child: { $ref: '#/$defs/node' } } } }), (d.schema.properties.tree = { $ref: '#/$defs/node' })), ['ref_cycle']),
  edit('a malformed %-escape in a $ref', (d) => ((d.schema.$defs = { a: { type: 'string' } }), (d.schema.properties.name = { $ref: '#/$defs/%E0%A4%A' })), ['bad_ref', 'unknown_data_property']),
  // The field bound to it is bound to nothing: both are said.
  edit('a $ref to nothing', (d) => (d.schema.properties.name = { $ref: '#/$defs/missing' }), ['unknown_data_property', 'unknown_ref']),
  // Depth and size.
  {
    name: 'a rule nested 3,000 deep', verdict: ['too_deep'],
    text: () => {
      const d = base();
      d.steps[0].items[0].visibleWhen = nest(3000, true);
      return JSON.stringify(d);
    },
  },
  edit('a rule nested 40 deep', (d) => (d.steps[0].items[0].visibleWhen = nest(40, true)), ['expression_too_deep']),
  // 100,002 operators and values (the '+', its list, 100,000 numbers) in 1.7 MB, under the 4,000,000 characters.
  edit('a rule of 100,000 values (over 100,000 operators and values in all)', (d) => (d.steps[0].items[2].computed = { '+': Array.from({ length: 100_000 }, () => 1) }), ['too_many_rules']),
  { name: 'arrays nested 100,000 deep', verdict: ['too_deep'], text: () => '['.repeat(100_000) + ']'.repeat(100_000) },
  { name: 'a 10 MB definition', verdict: ['too_large'], text: () => json(base()).replace('"Permit"', `"${'x'.repeat(10_000_000)}"`) },
  edit('a list of 5,000 choices', (d) => {
    d.schema.properties.kind.enum = Array.from({ length: 5000 }, (_, i) => `v${i}`);
    d.steps[0].items[1].options = d.schema.properties.kind.enum.map((v: string) => ({ value: v, label: T(v) }));
  }, ['too_many_options']),
  edit('an enum of 2,000 values', (d) => (d.schema.properties.code = { type: 'integer', enum: Array.from({ length: 2000 }, (_, i) => i) }), ['too_many_options']),
  edit('6,000 fields', fields(6000), ['too_many_fields']),
  edit('101 steps', (d) => {
    for (let i = 0; i < 100; i++) d.steps.push({ id: `s${i}`, title: T(`步驟${i}`, `Step ${i}`), items: [{ content: `c${i}`, text: T('說明', 'Text') }] });
  }, ['too_many_steps']),
  edit('a chain of 20 computed values', (d) => {
    for (let i = 0; i < 20; i++) {
      d.schema.properties[`c${i}`] = { type: 'number' };
      d.steps[0].items.push({ field: `/c${i}`, label: T(`計算${i}`, `Computed ${i}`), computed: i === 0 ? { '+': [1, 1] } : { '+': [{ var: `/c${i - 1}` }, 1] } });
    }
  }, ['computed_chain_too_long']),
  edit('computed values in a circle', (d) => {
    d.schema.properties.other = { type: 'number' };
    d.steps[0].items[2].computed = { var: '/other' };
    d.steps[0].items.push({ field: '/other', label: T('其他', 'Other'), computed: { var: '/total' } });
  }, ['computed_cycle']),
  edit('1,000 honest fields (big but honest)', fields(1000), 'ok'),
  // Text.
  { name: 'a trailing comma', verdict: ['json_syntax'], text: () => json(base()).replace(/\n}$/, ',\n}') },
  { name: 'an empty text', verdict: ['json_syntax'], text: () => '' },
  { name: 'a byte-order mark, then a valid definition', verdict: 'ok', text: () => '\ufeff' + json(base()) },
  { name: 'a key written twice', verdict: ['duplicate_key'], text: () => json(base()).replace('"version": "1.0.0",', '"version": "1.0.0",\n  "version": "2.0.0",') },
  { name: 'a JSON array, not an object', verdict: ['wrong_type'], text: () => '[]' },
  { name: 'null', verdict: ['wrong_type'], text: () => 'null' },
  // Shape and meaning.
  edit('a newer format version', (d) => (d.formatVersion = 99), ['newer_format']),
  edit('no steps', (d) => delete d.steps, ['missing_property']),
  edit('an empty list of steps', (d) => (d.steps = []), ['too_few']),
  edit('an unknown property on a field', (d) => (d.steps[0].items[0].lable = T('姓名')), ['unknown_property']),
  edit('an unknown operator', (d) => (d.steps[0].items[2].computed = { plus: [1, 2] }), ['unknown_operator']),
  edit('a rule reading an answer that does not exist', (d) => (d.steps[0].items[2].computed = { var: '/nmae' }), ['unknown_data_property']),
  edit('a field bound to nothing', (d) => (d.steps[0].items[0].field = '/nmae'), ['unknown_data_property']),
  edit('a NUL in the form id', (d) => (d.id = 'permit\u0000'), ['wrong_format']),
  edit('a widget that does not exist', (d) => (d.steps[0].items[1].widget = 'radios'), ['wrong_value']),
  edit('a default locale not listed', (d) => (d.defaultLocale = 'vi'), ['default_locale_not_listed', 'missing_default_text']),
  edit('an endpoint on another origin (the gate accepts it; the page decides)', (d) => (d.submission.endpoint = 'https://collector.example/submissions'), 'ok'),
];

/** The verdict of a list of problems, as the corpus writes it. */
export function verdictOf(problems: readonly { severity: string; code: string }[] | undefined): readonly string[] | 'ok' {
  if (!problems) return 'ok';
  const codes = [...new Set(problems.filter((p) => p.severity === 'error').map((p) => p.code))].sort();
  return codes.length ? codes : 'ok';
}
