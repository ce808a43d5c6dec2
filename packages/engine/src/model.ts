/** The static index of a definition the engine works from: its fields, repeats, visibility keys and rules. */
import {
  fieldPattern, forEachItem, isField, isRepeat, isRequiredProperty, isSection, parsePointer, resolvePath, subschemaAt,
  typesOf, varsOf, formatPointer, patternOf, computedGraph,
  type Expression, type FieldItem, type FormDefinition, type KnownFormat, type RepeatItem, type SchemaNode, KNOWN_FORMATS, FormosaError,
} from '@formosa/schema';
import { PatternIndex } from './pattern-index.js';

/** What the engine knows of one field. */
export interface FieldInfo {
  readonly item: FieldItem;
  /** Data pointer pattern, `*` for the index inside a repeat. */
  readonly pattern: string;
  readonly stepId: string;
  /** The repeat's array pointer, for fields inside one. */
  readonly repeat?: string;
  /** Visibility keys of the enclosing step, sections and repeat. */
  readonly ancestors: readonly string[];
  readonly schema: SchemaNode;
  readonly format?: KnownFormat;
  /** For a date field: the calendar it is asked in, its own or else the form's (`roc`: 民國 years). */
  readonly calendar?: 'gregorian' | 'roc';
  readonly numeric: boolean;
  /** A yes/no field (a checkbox): `false` counts as not answered when it is required. */
  readonly boolean: boolean;
  /** A file field: its answer is a list of uploads, empty counts as not answered. */
  readonly file: boolean;
  /** Asked as several lines (a textarea): line breaks are part of the answer. */
  readonly multiline: boolean;
  /** Required by the data schema's `required` or by `"required": true`. */
  readonly alwaysRequired: boolean;
  /** Position in the document, for ordering errors like the page. */
  readonly order: number;
}

/** What the engine knows of one repeat. */
export interface RepeatInfo {
  readonly item: RepeatItem;
  readonly pointer: string;
  /** The array's data schema. */
  readonly schema: SchemaNode;
  readonly stepId: string;
  readonly ancestors: readonly string[];
  readonly order: number;
}

/** A rule: an expression whose value decides a visibility, a requirement or a computed value. */
export interface Rule {
  readonly kind: 'visible' | 'required' | 'computed';
  /** Visibility key, or data pointer pattern, of what the rule decides (`*` inside a repeat). */
  readonly target: string;
  /** The array pointer whose entries instantiate the rule, for rules inside a repeat. */
  readonly repeat?: string;
  readonly expression: Expression;
  /** Evaluation order: computed rules first, in dependency order. */
  readonly rank: number;
}

/** A rule's read of a data pattern, as registered in the index. */
export interface RuleRead {
  readonly rule: Rule;
  readonly pattern: string;
}

/** Visibility keys of non-field items. */
export const stepKey = (id: string) => `step:${id}`;
export const sectionKey = (id: string) => `section:${id}`;
export const contentKey = (id: string) => `content:${id}`;

export class FormModel {
  readonly fields: FieldInfo[] = [];
  readonly repeats: RepeatInfo[] = [];
  readonly rules: Rule[] = [];
  readonly reads = new PatternIndex<RuleRead>();
  private readonly fieldsByPattern = new Map<string, FieldInfo>();
  private readonly fieldsByItem = new Map<FieldItem, FieldInfo>();
  /** Lookups by concrete pointer happen for every field on every render: remembered (bounded). */
  private readonly fieldsByPointer = new Map<string, FieldInfo | undefined>();
  private readonly repeatsByPointer = new Map<string, RepeatInfo>();

  constructor(readonly definition: FormDefinition) {
    const pending: Omit<Rule, 'rank'>[] = [];
    let order = 0;
    definition.steps.forEach((step) => {
      if (step.visibleWhen !== undefined) pending.push({ kind: 'visible', target: stepKey(step.id), expression: step.visibleWhen });
    });
    forEachItem(definition, (item, { step, parents, repeat }) => {
      const ancestors = [stepKey(step.id), ...parents.map((p) => (isSection(p) ? sectionKey(p.section) : p.repeat))];
      const scope = repeat ? { repeat: repeat.repeat } : {};
      if (isRepeat(item)) {
        const info: RepeatInfo = { item, pointer: item.repeat, schema: subschemaAt(definition.schema, item.repeat) ?? {}, stepId: step.id, ancestors, order: order++ };
        this.repeats.push(info);
        this.repeatsByPointer.set(info.pointer, info);
        if (item.visibleWhen !== undefined) pending.push({ kind: 'visible', target: item.repeat, expression: item.visibleWhen });
        return;
      }
      const target = isField(item) ? fieldPattern(item, repeat) : isSection(item) ? sectionKey(item.section) : contentKey(item.content);
      if (item.visibleWhen !== undefined) pending.push({ kind: 'visible', target, ...scope, expression: item.visibleWhen });
      if (!isField(item)) return;
      const schema = subschemaAt(definition.schema, target) ?? {};
      const segments = parsePointer(target);
      const parent = subschemaAt(definition.schema, formatPointer(segments.slice(0, -1)));
      const format = typeof schema['format'] === 'string' && (KNOWN_FORMATS as readonly string[]).includes(schema['format']) ? (schema['format'] as KnownFormat) : undefined;
      const info: FieldInfo = {
        item, pattern: target, stepId: step.id, ...scope, ancestors, schema, ...(format ? { format } : {}), ...(format === 'date' ? { calendar: item.calendar ?? definition.calendar ?? 'gregorian' } : {}),
        numeric: typesOf(schema).some((t) => t === 'number' || t === 'integer'),
        boolean: typesOf(schema).includes('boolean'),
        file: item.widget === 'file',
        multiline: item.widget === 'textarea' || (item.widget === undefined && typeof schema['maxLength'] === 'number' && schema['maxLength'] > 200),
        alwaysRequired: item.required === true || isRequiredProperty(parent, segments.at(-1)!),
        order: order++,
      };
      this.fields.push(info);
      this.fieldsByPattern.set(target, info);
      this.fieldsByItem.set(item, info);
      if (item.required !== undefined && typeof item.required !== 'boolean') pending.push({ kind: 'required', target, ...scope, expression: item.required });
      if (item.computed !== undefined) pending.push({ kind: 'computed', target, ...scope, expression: item.computed });
    });
    this.rankRules(pending);
  }

  /** Computed rules are ranked so each runs after the computed values it reads (the loader refused circles). */
  private rankRules(pending: Omit<Rule, 'rank'>[]): void {
    const readsOf = (rule: Omit<Rule, 'rank'>) => varsOf(rule.expression).map((v) => resolvePath(v, rule.repeat ? `${rule.repeat}/*` : ''));
    const { rank } = computedGraph(this.definition);
    const maxComputed = Math.max(0, ...rank.values());
    for (const pending1 of pending) {
      const rule: Rule = { ...pending1, rank: pending1.kind === 'computed' ? (rank.get(pending1.target) ?? 0) : maxComputed + 1 };
      this.rules.push(rule);
      for (const pattern of readsOf(rule)) this.reads.add(pattern, { rule, pattern });
    }
  }

  /** The field bound to a concrete pointer or pattern. */
  field(pointer: string): FieldInfo | undefined {
    if (this.fieldsByPointer.has(pointer)) return this.fieldsByPointer.get(pointer);
    const info = this.fieldsByPattern.get(patternOf(pointer));
    if (this.fieldsByPointer.size > 20_000) this.fieldsByPointer.clear();
    this.fieldsByPointer.set(pointer, info);
    return info;
  }

  /** What the engine knows of a field item of the definition. */
  fieldOf(item: FieldItem): FieldInfo {
    const info = this.fieldsByItem.get(item);
    if (!info) throw new FormosaError('unknown_item', 'This field item is not part of the definition');
    return info;
  }

  repeat(pointer: string): RepeatInfo | undefined {
    return this.repeatsByPointer.get(pointer);
  }
}

/** Replaces the `*` of a pattern by an index. */
export function instantiate(pattern: string, index: number): string {
  return pattern.replace('/*', `/${index}`);
}
