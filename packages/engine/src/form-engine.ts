/** The form engine: values, incremental rules, validation and submission data. DOM-free; the same in Node and browsers. */
import { formatPointer, optionSourceOf, parsePointer, patternOf, resolvePath, type FormDefinition, type Step } from '@formosa/schema';
import { compute, evaluate, isTruthy } from './expression.js';
import { FORMATS, ROC_YEARS, decimalNumber, rocYearOf } from './formats.js';
import { boundsOf, shapeOf, slotsOf, type DataShape } from './bounds.js';
import { characterProblem } from './characters.js';
import { FormModel, instantiate, stepKey, type FieldInfo, type Rule } from './model.js';
import { assignAt, getAt, setAt, type Data } from './values.js';
import { hasTaiwanLists, missingTaiwanLists, sourceOptions, usesTaiwanLists } from './taiwan.js';

/**
 * Everything the engine knows about one citizen's answers. Plain, immutable, serialisable data.
 * `hidden` and `required` hold what rules currently decide, keyed by visibility key or data pointer.
 */
export interface FormState {
  readonly values: Data;
  readonly hidden: Readonly<Record<string, true>>;
  readonly required: Readonly<Record<string, true>>;
}

/**
 * A validation problem as data: never text. The i18n layer turns `code` and `params` into a message.
 * @example
 * const error: FieldError = { path: '/applicant/name', code: 'maxLength', params: { limit: 50 } };
 */
export interface FieldError {
  /** JSON pointer of the value in the data. */
  readonly path: string;
  /** `required`, `format`, `check`, `rocYear`, or a JSON Schema keyword such as `maxLength`, `minimum`, `type`, `enum`, `minItems`. */
  readonly code: string;
  readonly params: Readonly<Record<string, unknown>>;
}

/** One error of a JSON Schema validator (ajv's shape). */
export interface SchemaValidationError {
  readonly instancePath: string;
  readonly keyword: string;
  readonly params: Readonly<Record<string, unknown>>;
}

/** A precompiled JSON Schema validator: ajv's `ValidateFunction` shape (standalone or run-time compiled). */
export interface SchemaValidator {
  (data: unknown): boolean;
  errors?: readonly SchemaValidationError[] | null;
}

export interface EngineOptions {
  /** Validates the data against the definition's JSON Schema. Without it, only rules, formats and required are checked. */
  readonly validator?: SchemaValidator;
  /** Called for every rule evaluation (for previews that explain "why is this hidden?", and for tests). */
  readonly trace?: (rule: Rule, target: string, result: unknown) => void;
}

/** The params of schema errors worth keeping for messages. */
const KEPT_PARAMS = ['limit', 'type', 'allowedValue', 'allowedValues', 'multipleOf', 'comparison'];

type Instances = 'all' | Set<number>;

/**
 * Runs one form definition.
 * @example
 * const engine = new FormEngine(definition, { validator });
 * let state = engine.init();
 * state = engine.change(state, '/applicant/name', '林小美');
 * const errors = engine.validate(state, { step: 'applicant' });
 */
export class FormEngine {
  readonly model: FormModel;

  constructor(
    readonly definition: FormDefinition,
    private readonly options: EngineOptions = {},
  ) {
    this.model = new FormModel(definition);
    // Loudly, at once, rather than a missing list at the first county chosen (browsers install them on demand).
    if (!hasTaiwanLists() && usesTaiwanLists(definition)) throw missingTaiwanLists();
  }

  private slots?: ReturnType<typeof slotsOf>;

  /**
   * What is too large or unasked-for in submitted data, found in one bounded pass before anything else walks it
   * (the server calls it first; see bounds.ts).
   * @example
   * engine.bounds({ household: { members: Array(100_000).fill({}) } }) // [{ path: '/household/members', code: 'maxItems', params: { limit: 10 } }]
   */
  bounds(values: Data): FieldError[] {
    return boundsOf((this.slots ??= slotsOf(this.model)), values);
  }

  /**
   * The most values and the deepest nesting this definition's data can have: the server refuses a body that
   * exceeds them from a scan of its text, before parsing it.
   */
  get shape(): DataShape {
    return (this.dataShape ??= shapeOf((this.slots ??= slotsOf(this.model))));
  }

  private dataShape?: DataShape;

  /** A state for `values` (a draft, a prefill, or nothing) with every rule evaluated. */
  init(values: Data = {}): FormState {
    let withDefaults = values;
    for (const info of this.model.fields) {
      const fallback = info.schema['default'];
      if (!info.repeat && fallback !== undefined && getAt(withDefaults, info.pattern) === undefined) withDefaults = setAt(withDefaults, info.pattern, fallback);
    }
    const all = new Map<Rule, Instances>(this.model.rules.map((rule) => [rule, 'all']));
    return this.settle({ values: withDefaults, hidden: {}, required: {} }, all);
  }

  /** The state after the citizen sets `pointer` to `value`; only the rules reading it are re-evaluated. */
  change(state: FormState, pointer: string, value: unknown): FormState {
    const values = setAt(state.values, pointer, value === '' || value === null ? undefined : value);
    return this.settle({ ...state, values }, this.affected([pointer]));
  }

  /** Adds an empty entry to the repeat at `pointer`. */
  addItem(state: FormState, pointer: string): FormState {
    const items = getAt(state.values, pointer);
    let entry: Data = {};
    for (const info of this.model.fields) {
      const fallback = info.schema['default'];
      if (info.repeat === pointer && fallback !== undefined) entry = setAt(entry, info.pattern.slice(pointer.length + 2), fallback);
    }
    return this.change(state, pointer, [...(Array.isArray(items) ? items : []), entry]);
  }

  /** Removes entry `index` of the repeat at `pointer`. */
  removeItem(state: FormState, pointer: string, index: number): FormState {
    const items = getAt(state.values, pointer);
    return this.change(state, pointer, (Array.isArray(items) ? items : []).filter((_, i) => i !== index));
  }

  /** Whether any rule reads the value at `pointer`: if none does, changing it changes nothing else. */
  isReadByRules(pointer: string): boolean {
    return this.model.reads.related(pointer).length > 0;
  }

  /** Whether a field (concrete pointer), repeat, or `step:`/`section:`/`content:` key is shown, ancestors included. */
  isShown(state: FormState, key: string): boolean {
    if (state.hidden[key]) return false;
    const info = this.model.field(key) ?? this.model.repeat(key);
    return !info || info.ancestors.every((ancestor) => !state.hidden[ancestor]);
  }

  /** Whether the field at `pointer` must be answered (when shown). */
  isRequired(state: FormState, pointer: string): boolean {
    return Boolean(this.model.field(pointer)?.alwaysRequired || state.required[pointer]);
  }

  /** The steps the citizen goes through, given the answers so far. */
  shownSteps(state: FormState): Step[] {
    return this.definition.steps.filter((step) => !state.hidden[stepKey(step.id)]);
  }

  /**
   * The data to submit: only shown fields, strings trimmed, identity numbers and phone numbers in canonical
   * form (full-width digits converted, spaces and hyphens removed), numbers parsed.
   */
  data(state: FormState): Data {
    const out: Record<string, unknown> = {};
    for (const repeat of this.model.repeats) {
      if (!this.isShown(state, repeat.pointer)) continue;
      const items = getAt(state.values, repeat.pointer);
      assignAt(out, parsePointer(repeat.pointer), (Array.isArray(items) ? items : []).map(() => ({})));
    }
    for (const [info, pointer] of this.instances(state.values)) {
      if (!this.isShown(state, pointer)) continue;
      const segments = parsePointer(pointer);
      const value = normalize(info, getAt(state.values, pointer));
      if (value !== undefined) assignAt(out, segments, value);
      else if (segments.length > 1) ensureContainer(out, segments.slice(0, -1));
    }
    return out;
  }

  /**
   * Every problem of the shown fields (or of one step's), at most one per field, in page order.
   * @example
   * engine.validate(state, { step: 'landlord' }) // [{ path: '/landlord/name', code: 'required', params: {} }]
   */
  validate(state: FormState, options: { step?: string } = {}): FieldError[] {
    const data = this.data(state);
    const found = new Map<string, FieldError>();
    const add = (path: string, code: string, params: Record<string, unknown> = {}) => {
      if (!found.has(path)) found.set(path, { path, code, params });
    };
    const shown: [FieldInfo, string][] = [];
    for (const [info, pointer] of this.instances(state.values)) {
      if (!this.isShown(state, pointer)) continue;
      shown.push([info, pointer]);
      const value = getAt(data, pointer);
      const answered = value !== undefined && !(info.boolean && value === false) && !(info.file && Array.isArray(value) && value.length === 0);
      if (!answered && (info.alwaysRequired || state.required[pointer])) add(pointer, 'required');
    }
    const validator = this.options.validator;
    if (validator && !validator(data)) {
      for (const error of validator.errors ?? []) {
        const missing = error.keyword === 'required' ? String(error.params['missingProperty']) : undefined;
        const path = missing === undefined ? error.instancePath : error.instancePath + formatPointer([missing]);
        add(path, error.keyword, Object.fromEntries(KEPT_PARAMS.filter((k) => k in error.params).map((k) => [k, error.params[k]])));
      }
    }
    for (const [info, pointer] of shown) {
      const value = getAt(data, pointer);
      if (value === undefined) continue;
      if (typeof value === 'string') {
        const reason = characterProblem(value, info.multiline);
        if (reason) add(pointer, 'characters', { reason });
      }
      if (info.format && typeof value === 'string') {
        const reason = FORMATS[info.format].check(value);
        if (reason) add(pointer, 'format', { format: info.format, reason });
        else if (info.calendar === 'roc') {
          const year = rocYearOf(value);
          if (year < ROC_YEARS.min || year > ROC_YEARS.max) add(pointer, 'rocYear', { ...ROC_YEARS, year });
        }
      }
      if (info.file && Array.isArray(value)) {
        const { accept, maxSize } = info.item;
        // Reported on the field (the first file at fault), where the citizen can act on it.
        for (const file of value as { type?: string; size?: number }[]) {
          if (accept && !accept.includes(String(file.type))) add(pointer, 'fileType', { accept: accept.join(',') });
          else if (maxSize && Number(file.size) > maxSize) add(pointer, 'fileSize', { limit: maxSize });
        }
      }
      const read = this.reader(state.values, info, pointer);
      // Choices from a shipped list (a county's districts, banks): the answer must be one of them now.
      const source = optionSourceOf(info.item);
      if (source && !sourceOptions(source, () => read(source.county ?? '')).some((o) => o.value === value)) add(pointer, 'enum');
      info.item.checks?.forEach((check, index) => {
        if (!isTruthy(evaluate(check.assert, read))) add(pointer, 'check', { index });
      });
    }
    let errors = [...found.values()];
    if (options.step !== undefined) errors = errors.filter((e) => this.anchor(e.path)?.stepId === options.step);
    return errors.sort((a, b) => compareKeys(this.orderKey(a.path), this.orderKey(b.path)));
  }

  /** The id of the step where the value at `pointer` is asked. */
  stepOf(pointer: string): string | undefined {
    return this.anchor(pointer)?.stepId;
  }

  /** Every (field, concrete pointer) pair, repeats expanded to their current entries. */
  *instances(values: Data): Generator<[FieldInfo, string]> {
    for (const info of this.model.fields) {
      if (!info.repeat) {
        yield [info, info.pattern];
        continue;
      }
      const items = getAt(values, info.repeat);
      const count = Array.isArray(items) ? items.length : 0;
      for (let i = 0; i < count; i++) yield [info, instantiate(info.pattern, i)];
    }
  }

  /** Reads paths as the rules of the field at `pointer` do: relative paths from its repeat entry, else from the root. */
  readerFor(values: Data, pointer: string): (path: string) => unknown {
    const info = this.model.field(pointer);
    return this.reader(values, info ?? {}, pointer);
  }

  private reader(values: Data, info: { repeat?: string }, pointer: string): (path: string) => unknown {
    const scope = info.repeat ? pointer.split('/').slice(0, parsePointer(info.repeat).length + 2).join('/') : '';
    return (path) => this.answerAt(values, resolvePath(path, scope));
  }

  /**
   * The answer at `pointer` as rules see it: as it will be submitted (`２` is 2, `a123 456 789` is A123456789,
   * blank is unanswered), so a rule judges in the browser exactly as the server does. Lists and groups are read
   * with each of their answers normalised.
   */
  private answerAt(values: Data, pointer: string): unknown {
    return this.normalized(getAt(values, pointer), pointer);
  }

  private normalized(value: unknown, pointer: string): unknown {
    if (typeof value === 'string') {
      const info = this.model.field(pointer);
      return info ? normalize(info, value) : value;
    }
    if (value === null || typeof value !== 'object') return value;
    if (Array.isArray(value)) return value.map((entry, i) => this.normalized(entry, `${pointer}/${i}`));
    const out: Record<string, unknown> = {};
    for (const [key, entry] of Object.entries(value)) out[key] = this.normalized(entry, pointer + formatPointer([key]));
    return out;
  }

  /** The rule instances reading any of the changed pointers. */
  private affected(changed: readonly string[]): Map<Rule, Instances> {
    const work = new Map<Rule, Instances>();
    for (const pointer of changed) {
      for (const { rule, pattern } of this.model.reads.related(pointer)) {
        if (!rule.repeat) {
          work.set(rule, 'all');
          continue;
        }
        const prefix = `${rule.repeat}/`;
        const index = pattern.startsWith(`${rule.repeat}/*`) && pointer.startsWith(prefix) ? Number(pointer.slice(prefix.length).split('/')[0]) : Number.NaN;
        const current = work.get(rule);
        if (Number.isNaN(index) || current === 'all') work.set(rule, 'all');
        else work.set(rule, (current ?? new Set<number>()).add(index));
      }
    }
    return work;
  }

  /** Evaluates rule instances, then those their computed values affect, until nothing changes. */
  private settle(state: FormState, initial: Map<Rule, Instances>): FormState {
    let { values } = state;
    let hidden = state.hidden;
    let required = state.required;
    const writable = { hidden: false, required: false };
    const setFlag = (which: 'hidden' | 'required', key: string, on: boolean) => {
      const record = which === 'hidden' ? hidden : required;
      if (Boolean(record[key]) === on) return;
      const copy: Record<string, true> = writable[which] ? (record as Record<string, true>) : { ...record };
      writable[which] = true;
      if (on) copy[key] = true;
      else delete copy[key];
      if (which === 'hidden') hidden = copy;
      else required = copy;
    };
    let work = initial;
    for (let wave = 0; work.size > 0 && wave < 64; wave++) {
      const changed: string[] = [];
      const rules = [...work.keys()].sort((a, b) => a.rank - b.rank);
      for (const rule of rules) {
        const which = work.get(rule)!;
        let indices: Iterable<number | undefined> = [undefined];
        if (rule.repeat) {
          const items = getAt(values, rule.repeat);
          const count = Array.isArray(items) ? items.length : 0;
          if (which === 'all') {
            // Entries may have been removed: forget what was decided for them.
            for (const key of [...Object.keys(hidden), ...Object.keys(required)]) {
              if (patternOf(key) === rule.target) setFlag(rule.kind === 'visible' ? 'hidden' : 'required', key, false);
            }
            indices = Array.from({ length: count }, (_, i) => i);
          } else indices = [...which].filter((i) => i < count);
        }
        for (const index of indices) {
          const target = index === undefined ? rule.target : instantiate(rule.target, index);
          const scope = index === undefined ? '' : `${rule.repeat}/${index}`;
          const read = (path: string) => this.answerAt(values, resolvePath(path, scope));
          const result = rule.kind === 'computed' ? compute(rule.expression, read) : evaluate(rule.expression, read);
          this.options.trace?.(rule, target, result);
          if (rule.kind === 'visible') setFlag('hidden', target, !isTruthy(result));
          else if (rule.kind === 'required') setFlag('required', target, isTruthy(result));
          else {
            const next = result === null || (typeof result === 'number' && !Number.isFinite(result)) ? undefined : result;
            if (getAt(values, target) !== next) {
              values = setAt(values, target, next);
              changed.push(target);
            }
          }
        }
      }
      work = this.affected(changed);
    }
    return { values, hidden, required };
  }

  /** The field or repeat a data pointer belongs to. */
  private anchor(pointer: string): { stepId: string; key: number[] } | undefined {
    let segments = parsePointer(pointer);
    while (segments.length > 0) {
      const at = formatPointer(segments);
      const field = this.model.field(at);
      const info = field ?? this.model.repeat(patternOf(at));
      if (info) {
        const repeat = field?.repeat ? this.model.repeat(field.repeat) : undefined;
        const index = repeat ? Number(segments[parsePointer(repeat.pointer).length]) : -1;
        return { stepId: info.stepId, key: repeat ? [repeat.order, index, info.order] : [info.order, -1, 0] };
      }
      segments = segments.slice(0, -1);
    }
    return undefined;
  }

  private orderKey(pointer: string): number[] {
    return this.anchor(pointer)?.key ?? [Number.MAX_SAFE_INTEGER];
  }
}

function compareKeys(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? -1) - (b[i] ?? -1);
    if (d !== 0) return d;
  }
  return 0;
}

function ensureContainer(out: Record<string, unknown>, segments: readonly string[]): void {
  if (getAt(out, formatPointer(segments)) === undefined) assignAt(out, segments, {});
}

/** The submitted form of one answer. */
function normalize(info: FieldInfo, value: unknown): unknown {
  if (typeof value !== 'string') return value;
  let text = value.trim().normalize('NFC');
  if (text === '') return undefined;
  if (info.format) text = FORMATS[info.format].normalize(text);
  if (info.numeric) return decimalNumber(text) ?? text;
  return text;
}
