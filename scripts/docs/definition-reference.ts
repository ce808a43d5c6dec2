/**
 * Writes docs/reference/definition.md from the definition meta-schema (packages/schema/definition.schema.json), so
 * the reference says what the loader enforces and cannot drift from it. packages/schema/test/reference-doc.test.ts
 * fails when the committed file differs from what this prints.
 *
 * Run: node --conditions=formosa-source --import tsx scripts/docs/definition-reference.ts
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DATA_SCHEMA_KEYWORDS, KNOWN_FORMATS } from '@formosa/schema';

/** A meta-schema node: a JSON Schema object (or `true`, "anything"). */
type Node = { readonly [keyword: string]: unknown } | boolean;
type SchemaObject = { readonly [keyword: string]: unknown };

export const REGENERATE = 'node --conditions=formosa-source --import tsx scripts/docs/definition-reference.ts';
export const SCHEMA_FILE = new URL('../../packages/schema/definition.schema.json', import.meta.url);
export const REFERENCE_FILE = new URL('../../docs/reference/definition.md', import.meta.url);

/**
 * The `$defs` in the order a reader meets them; every definition must be placed here or in HIDDEN, so a new one
 * cannot go unnoticed. Objects come first, then the kinds of value they share.
 */
const ORDER = [
  'step', 'item', 'field', 'section', 'repeat', 'content', 'optionList',
  'mydata', 'mydataDataset', 'mydataMapping', 'mydataFieldMapping', 'mydataRepeatMapping', 'mydataEntryMapping', 'mydataTransform',
  'localizedText', 'locale', 'expression', 'dataSchema',
];
/** Definitions that exist only to word an error (the loader's "an item must have one of…"). */
const HIDDEN = new Set(['unknownItem']);
/** The closing part of the page: the data schema's vocabulary and the rules' operators, read from the code that enforces them. */
const GUIDE = '../definition-format.md';

const isObject = (node: unknown): node is SchemaObject => typeof node === 'object' && node !== null && !Array.isArray(node);
const code = (value: unknown) => `\`${typeof value === 'string' ? value : JSON.stringify(value)}\``;
/** Table cells hold one line, and a `|` would end the cell. */
const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const refName = (ref: string) => ref.replace('#/$defs/', '');
const commentOnly = (node: Node) => isObject(node) && node['type'] === 'string' && Object.keys(node).length === 2;

/** One section of the page: an object of the format or a kind of value. */
interface Entry {
  readonly anchor: string;
  readonly heading: string;
  readonly node: SchemaObject;
  /** Where it sits in the meta-schema, for the "missing description" error. */
  readonly at: string;
}

export function renderDefinitionReference(schema: SchemaObject): string {
  const defs = schema['$defs'] as Record<string, SchemaObject>;
  const unplaced = Object.keys(defs).filter((name) => !ORDER.includes(name) && !HIDDEN.has(name));
  if (unplaced.length) throw new Error(`scripts/docs/definition-reference.ts: place ${unplaced.join(', ')} in ORDER (or HIDDEN)`);
  const missing: string[] = [];

  const entries: Entry[] = [{ anchor: 'definition', heading: 'definition', node: schema, at: '' }];
  for (const name of ORDER) entries.push({ anchor: name, heading: name, node: defs[name]!, at: `/$defs/${name}` });
  const linkTo = (anchor: string, label = anchor) => `[${label}](#${anchor.toLowerCase()})`;

  /** Where the next inline object goes: right after the entry being rendered (and the ones it already added). */
  let insertAt = 1;
  /** Registers an inline object (one with properties of its own) as an entry of its own, returning its link. */
  const inline = (node: SchemaObject, heading: string, at: string): string => {
    const anchor = heading.toLowerCase().replace(/\[\]/g, '-item').replace(/[^\w.-]+/g, '-').replace(/^-+|-+$/g, '');
    if (!entries.some((e) => e.anchor === anchor)) entries.splice(insertAt++, 0, { anchor, heading, node, at });
    return linkTo(anchor, heading);
  };

  /**
   * What kind of value a node takes, in words, with links to the objects it names. `name` is where the node sits
   * (`definition.submission`, `field.checks[]`), the heading of an inline object found there.
   */
  const typeOf = (node: Node, name: string, at: string): string => {
    if (node === true) return 'any value';
    if (!isObject(node)) return 'nothing';
    if (typeof node['$ref'] === 'string') return linkTo(refName(node['$ref']));
    if ('const' in node) return code(node['const']);
    if (Array.isArray(node['anyOf'])) {
      // A branch that is a list of words is shown as its words: the other branches have no values column.
      const words = (branch: Node) => (isObject(branch) && Array.isArray(branch['enum']) ? `one of ${branch['enum'].map(code).join(', ')}` : undefined);
      return (node['anyOf'] as Node[]).map((branch, i) => words(branch) ?? typeOf(branch, name, `${at}/anyOf/${i}`)).join(' or ');
    }
    const branches = conditionalBranches(node, at);
    if (branches.length) return branches.map((b) => typeOf(b.node, `${name} {${b.key}}`, b.at)).join(' or ');
    if (isObject(node['properties']) && !isObject(node['additionalProperties'])) return inline(node, name, at);
    const types = ([] as string[]).concat((node['type'] as string | string[] | undefined) ?? []);
    if (types.includes('array') || 'items' in node) return `list of ${typeOf((node['items'] as Node) ?? true, `${name}[]`, `${at}/items`)}`;
    if (isObject(node['additionalProperties'])) {
      const names = node['propertyNames'];
      const key = isObject(names) ? (typeof names['$ref'] === 'string' ? linkTo(refName(names['$ref'])) : Array.isArray(names['enum']) ? 'key from the list below' : 'name') : 'name';
      return `map of ${key} → ${typeOf(node['additionalProperties'], `${name}.*`, `${at}/additionalProperties`)}`;
    }
    if (Array.isArray(node['enum']) && !types.length) return [...new Set(node['enum'].map((v) => (v === null ? 'null' : typeof v)))].join(' or ');
    return types.length ? types.join(' or ') : 'any value';
  };

  /**
   * The then/else branches of an if-chain ("a field if it has `field`, else a section if…"), as the objects they
   * name; an inline branch counts the property its `if` asks for as required.
   */
  const conditionalBranches = (node: SchemaObject, base: string): { node: Node; at: string; key: string }[] => {
    const found: { node: Node; at: string; key: string }[] = [];
    let current: SchemaObject | undefined = node;
    let at = base;
    while (current && isObject(current['if'])) {
      const asked = ((current['if'] as SchemaObject)['required'] as string[] | undefined) ?? [];
      const then = current['then'] as Node;
      const withRequired = isObject(then) && isObject(then['properties']) ? { ...then, required: [...((then['required'] as string[] | undefined) ?? []), ...asked] } : then;
      found.push({ node: withRequired, at: `${at}/then`, key: asked.join(', ') });
      const rest: unknown = current['else'];
      at += '/else';
      if (isObject(rest) && isObject(rest['if'])) current = rest;
      else {
        // A last branch that only words the error ("has one of enum, join or present") is no kind of value.
        const wordsError = (branch: SchemaObject) =>
          typeof branch['$ref'] === 'string' ? HIDDEN.has(refName(branch['$ref'])) : !isObject(branch['properties']) || Object.values(branch['properties']).every((p) => p === true);
        if (isObject(rest) && !wordsError(rest)) found.push({ node: rest, at, key: 'otherwise' });
        current = undefined;
      }
    }
    return found;
  };

  /** Allowed values, limits and the default, in words. */
  const limitsOf = (node: Node): string => {
    if (!isObject(node)) return '';
    const parts: string[] = [];
    if (Array.isArray(node['enum'])) parts.push(`one of ${node['enum'].map(code).join(', ')}`);
    if (typeof node['pattern'] === 'string') parts.push(`matches ${code(node['pattern'])}`);
    const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : noun.endsWith('y') ? '' : 's'}`.replace(/y$/, n === 1 ? 'y' : 'ies');
    if (node['minLength'] === 1) parts.push('not empty');
    else if (typeof node['minLength'] === 'number') parts.push(`at least ${count(node['minLength'], 'character')}`);
    if (typeof node['minItems'] === 'number') parts.push(`at least ${count(node['minItems'], 'entry')}`);
    if (node['minProperties'] === 1 && node['maxProperties'] === 1) parts.push('exactly one entry');
    else {
      if (typeof node['minProperties'] === 'number') parts.push(`at least ${count(node['minProperties'], 'entry')}`);
      if (typeof node['maxProperties'] === 'number') parts.push(`at most ${count(node['maxProperties'], 'entry')}`);
    }
    if (typeof node['minimum'] === 'number') parts.push(`at least ${node['minimum']}`);
    if (typeof node['maximum'] === 'number') parts.push(`at most ${node['maximum']}`);
    if (node['uniqueItems'] === true) parts.push('no duplicates');
    if (isObject(node['items'])) {
      const inner = limitsOf(node['items']);
      if (inner && !('$ref' in node['items'])) parts.push(`each: ${inner}`);
    }
    if ('default' in node) parts.push(`default ${code(node['default'])}`);
    return parts.join('; ');
  };

  const descriptionOf = (node: Node, at: string): string => {
    const own = isObject(node) && typeof node['description'] === 'string' ? node['description'] : undefined;
    if (!own) missing.push(at || '/');
    return own ?? '';
  };

  const renderEntry = (entry: Entry): string => {
    const { node } = entry;
    const lines = [`<a id="${entry.anchor.toLowerCase()}"></a>`, '', `## ${entry.heading}`, ''];
    if (typeof node['title'] === 'string') lines.push(`**${node['title']}.** ${descriptionOf(node, entry.at)}`, '');
    else lines.push(descriptionOf(node, entry.at), '');
    const properties = isObject(node['properties']) ? (node['properties'] as Record<string, Node>) : undefined;
    const branches = conditionalBranches(node, entry.at);
    if (properties) {
      const required = new Set((node['required'] as string[] | undefined) ?? []);
      const closed = node['additionalProperties'] === false;
      lines.push('| property | type | required | values | description |', '|---|---|---|---|---|');
      for (const [name, property] of Object.entries(properties)) {
        if (name === '$comment' && commentOnly(property)) continue;
        const at = `${entry.at}/properties/${name}`;
        lines.push(`| ${[code(name), typeOf(property, `${entry.heading}.${name}`, at), required.has(name) ? 'yes' : 'no', limitsOf(property), descriptionOf(property, at)].map(cell).join(' | ')} |`);
      }
      lines.push('');
      const notes = [closed ? 'No other property is allowed.' : '', 'properties' in node && '$comment' in properties ? 'Takes `$comment`, a note for designers the SDK ignores.' : ''].filter(Boolean);
      if (notes.length) lines.push(notes.join(' '), '');
    } else if (branches.length) {
      lines.push(`One of: ${branches.map((b) => `${typeOf(b.node, `${entry.heading} {${b.key}}`, b.at)} (${b.key === 'otherwise' ? 'otherwise' : `with ${code(b.key)}`})`).join(', ')}.`, '');
    } else {
      const shape = typeOf(node, entry.heading, entry.at);
      const limits = limitsOf(node);
      lines.push(`Value: ${shape}${limits ? ` (${limits})` : ''}.`, '');
    }
    lines.push(...extrasOf(entry.anchor, node));
    return lines.join('\n');
  };

  /** What the meta-schema leaves to code: the data schema's vocabulary and the operators of a rule. */
  const extrasOf = (anchor: string, node: SchemaObject): string[] => {
    if (anchor === 'dataSchema') {
      return [
        'Keywords allowed in the data schema (`DATA_SCHEMA_KEYWORDS`; any other is refused with `unknown_keyword`):',
        '',
        Object.keys(DATA_SCHEMA_KEYWORDS).map(code).join(', ') + '.',
        '',
        `Values of \`format\` the SDK checks (\`KNOWN_FORMATS\`; see the [formats table](${GUIDE}#the-data-schema) and the [field catalogue](../fields.md)): ${KNOWN_FORMATS.map(code).join(', ')}.`,
        '',
      ];
    }
    if (anchor === 'expression') {
      const object = (node['anyOf'] as SchemaObject[]).find((b) => isObject(b['propertyNames']))!;
      const operators = (object['propertyNames'] as SchemaObject)['enum'] as string[];
      return [`Operators (what each does: [rules](${GUIDE}#rules-the-expression-language)): ${operators.map(code).join(', ')}.`, ''];
    }
    if (anchor === 'field') return ['Each `widget` is shown with a picture in the [field catalogue](../fields.md).', ''];
    return [];
  };

  // Entries are rendered in order; rendering one may append the inline objects it names.
  const sections: string[] = [];
  for (let i = 0; i < entries.length; i++) {
    insertAt = i + 1;
    sections.push(renderEntry(entries[i]!));
  }
  if (missing.length) throw new Error(`The meta-schema has no description at ${missing.join(', ')}: add one in packages/schema/definition.schema.json`);

  const contents = entries.map((e) => `- ${linkTo(e.anchor, e.heading)}${typeof e.node['title'] === 'string' ? `: ${e.node['title']}` : ''}`);
  return [
    `# Definition reference (format version ${String((schema['properties'] as Record<string, SchemaObject>)['formatVersion']!['const'])})`,
    '',
    `<!-- Generated from packages/schema/definition.schema.json by scripts/docs/definition-reference.ts. Do not edit; run: ${REGENERATE} -->`,
    '',
    `Every object of a form definition, with its properties, generated from the meta-schema the loader checks definitions against. The guide with examples is [the definition format](${GUIDE}).`,
    '',
    ...contents,
    '',
    ...sections,
  ].join('\n');
}

/** The reference as it should be committed. */
export function expectedReference(): string {
  return renderDefinitionReference(JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as SchemaObject);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  mkdirSync(new URL('.', REFERENCE_FILE), { recursive: true });
  writeFileSync(REFERENCE_FILE, expectedReference());
  console.log(`wrote ${fileURLToPath(REFERENCE_FILE)}`);
}
