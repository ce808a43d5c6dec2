/**
 * Types of the Formosa form definition, format version 1.
 * The normative description is `definition.schema.json` (the meta-schema) and `docs/definition-format.md`.
 */

/** A BCP 47 language tag, such as `zh-Hant-TW`, `en` or `vi`. */
export type Locale = string;

/**
 * A text in several languages, keyed by locale.
 * @example
 * const label: LocalizedText = { 'zh-Hant-TW': '姓名', en: 'Full name' };
 */
export type LocalizedText = Readonly<Record<Locale, string>>;

/** Any JSON value. */
export type JsonValue = null | boolean | number | string | readonly JsonValue[] | { readonly [key: string]: JsonValue };

/** A JSON object. */
export type JsonObject = { readonly [key: string]: JsonValue };

/** A JSON Schema 2020-12 document or subschema (kept open: any keyword is allowed). */
export type JsonSchema = boolean | { readonly [keyword: string]: JsonValue };

/**
 * A rule written as data: a JSON expression tree evaluated by an interpreter, never a string of code.
 * A literal, `{ "var": "path" }`, or `{ "<operator>": [arguments] }` (see {@link OPERATORS}).
 * @example
 * const isCompany: Expression = { '==': [{ var: '/landlord/type' }, 'company'] };
 */
export type Expression = null | boolean | number | string | { readonly var: string } | { readonly [operator: string]: Expression | readonly Expression[] };

/** The input widgets a field can use. When omitted, the widget follows from the data schema. */
export type Widget = 'text' | 'textarea' | 'number' | 'select' | 'radio' | 'checkbox' | 'date' | 'email' | 'tel' | 'file';

/** One choice of a select or radio field; `value` must be one of the schema's `enum` values. */
export interface FieldOption {
  readonly value: string | number | boolean;
  readonly label: LocalizedText;
  readonly hint?: LocalizedText;
}

/**
 * Choices from a list Formosa ships: Taiwan's 22 counties and cities, the townships and districts of the county
 * answered at `county` (cascading), or banks and Chunghwa Post with their codes.
 * @example
 * const districts: OptionSource = { source: 'tw-districts', county: '/applicant/address/county' };
 */
export interface OptionSource {
  readonly source: 'tw-counties' | 'tw-districts' | 'tw-banks';
  /** For `tw-districts`: the path of the county answer (relative inside a repeat). */
  readonly county?: string;
}

/** What every layout item may carry. */
interface ItemBase {
  /** Shown only while this expression is true. Hidden items are not validated and not submitted. */
  readonly visibleWhen?: Expression;
}

/**
 * A field bound to a place in the submitted data.
 * @example
 * const name: FieldItem = { field: '/applicant/name', label: { 'zh-Hant-TW': '姓名', en: 'Full name' }, autocomplete: 'name' };
 */
export interface FieldItem extends ItemBase {
  /** JSON pointer into the data; inside a repeat, relative to the item (no leading slash). */
  readonly field: string;
  readonly label: LocalizedText;
  readonly hint?: LocalizedText;
  /** For a consent or declaration checkbox: the text agreed to, shown above the checkbox. */
  readonly statement?: LocalizedText;
  readonly widget?: Widget;
  /** The choices, the name of a list in the definition's `optionSets`, or a list Formosa ships. */
  readonly options?: readonly FieldOption[] | string | OptionSource;
  /** For date fields: `roc` shows and asks dates as 民國 years; the data always holds ISO 8601 dates. */
  readonly calendar?: 'gregorian' | 'roc';
  /** For number fields: the ISO 4217 currency of the amount (e.g. `TWD`), for display. */
  readonly currency?: string;
  /** For file fields: the MIME types accepted. */
  readonly accept?: readonly string[];
  /** For file fields: the largest file accepted, in bytes. */
  readonly maxSize?: number;
  /** For file fields: on phones, offer the camera. */
  readonly capture?: 'user' | 'environment';
  /** `true`, or an expression: the field must be answered while visible and this holds. */
  readonly required?: boolean | Expression;
  /** The value is computed from other answers and shown read-only. */
  readonly computed?: Expression;
  /** HTML `autocomplete` token, e.g. `name`, `tel-national`, `email`. */
  readonly autocomplete?: string;
  /** Per error code, a text that replaces the SDK's default message for this field. */
  readonly errors?: Readonly<Record<string, LocalizedText>>;
  /** Cross-field checks: each `assert` must be true for an answered, visible field, else `message` is shown. */
  readonly checks?: readonly FieldCheck[];
}

/**
 * A designer's own validation of a field against other answers.
 * @example
 * const afterStart: FieldCheck = { assert: { '>': [{ var: '/lease/end' }, { var: '/lease/start' }] }, message: { 'zh-Hant-TW': '租期結束日須晚於開始日', en: 'The end date must be after the start date' } };
 */
export interface FieldCheck {
  readonly assert: Expression;
  readonly message: LocalizedText;
}

/** A titled group of items (rendered as a fieldset). */
export interface SectionItem extends ItemBase {
  /** Identifier, unique within the definition. */
  readonly section: string;
  readonly title: LocalizedText;
  readonly description?: LocalizedText;
  readonly items: readonly LayoutItem[];
}

/** A list the citizen can add to and remove from, e.g. household members. Bound to a JSON Schema array of objects. */
export interface RepeatItem extends ItemBase {
  /** JSON pointer to the array in the data. */
  readonly repeat: string;
  readonly title: LocalizedText;
  /** Heading of each entry; `{number}` is replaced by its position (1, 2, …). */
  readonly itemTitle: LocalizedText;
  readonly addLabel?: LocalizedText;
  readonly description?: LocalizedText;
  readonly items: readonly FieldItem[];
}

/** A paragraph of guidance text. */
export interface ContentItem extends ItemBase {
  /** Identifier, unique within the definition. */
  readonly content: string;
  readonly text: LocalizedText;
}

export type LayoutItem = FieldItem | SectionItem | RepeatItem | ContentItem;

/** One page of the form. */
export interface Step extends ItemBase {
  readonly id: string;
  readonly title: LocalizedText;
  readonly description?: LocalizedText;
  readonly items: readonly LayoutItem[];
}

/** Where and how the data is submitted. */
export interface Submission {
  /** URL the submission is POSTed to; relative URLs resolve against the page. */
  readonly endpoint: string;
  /** URL files are uploaded to; defaults to the endpoint with `/submissions` replaced by `/attachments`. */
  readonly attachments?: string;
}

/**
 * A file the citizen uploaded, as a file field's answer holds it (a list of these).
 * @example
 * const lease: Attachment = { id: '3f0c…', name: 'lease.pdf', type: 'application/pdf', size: 482133, url: '/api/forms/rent-subsidy/attachments/3f0c…' };
 */
export interface Attachment {
  readonly id: string;
  readonly name: string;
  readonly type: string;
  readonly size: number;
  /** Where the agency serves it back (for a preview). */
  readonly url?: string;
  /** Issued with the upload, to its uploader only: what deleting the file before sending takes. Never stored with a submission. */
  readonly token?: string;
}

/** The current definition format version. */
export const FORMAT_VERSION = 1;

/**
 * A form definition, format version 1.
 * @example
 * const definition: FormDefinition = {
 *   formatVersion: 1, id: 'hello', version: '1.0.0', defaultLocale: 'zh-Hant-TW', locales: ['zh-Hant-TW', 'en'],
 *   title: { 'zh-Hant-TW': '問候', en: 'Hello' },
 *   schema: { type: 'object', properties: { name: { type: 'string' } } },
 *   steps: [{ id: 'main', title: { 'zh-Hant-TW': '基本資料', en: 'Details' }, items: [{ field: '/name', label: { 'zh-Hant-TW': '姓名', en: 'Name' } }] }],
 *   submission: { endpoint: '/api/forms/hello/submissions' },
 * };
 */
export interface FormDefinition {
  readonly $schema?: string;
  readonly formatVersion: typeof FORMAT_VERSION;
  /** Identifier: lower-case letters, digits and hyphens. */
  readonly id: string;
  /** The designer's own version of this form, e.g. `2026.1.0`. */
  readonly version: string;
  readonly defaultLocale: Locale;
  /** The locales this definition's texts are written in; the first fallback is `defaultLocale`. */
  readonly locales: readonly Locale[];
  readonly title: LocalizedText;
  readonly description?: LocalizedText;
  /** The presentation the form is designed for; the host's `theme` attribute wins. */
  readonly theme?: 'default' | 'senior';
  /** The calendar every date field is shown and asked in, unless the field sets its own (default `gregorian`). */
  readonly calendar?: 'gregorian' | 'roc';
  /** JSON Schema 2020-12 of the submitted data (an object). */
  readonly schema: JsonSchema;
  /** Named option lists shared by several fields, e.g. `counties`. */
  readonly optionSets?: Readonly<Record<string, readonly FieldOption[]>>;
  readonly steps: readonly Step[];
  readonly submission: Submission;
  /** Prefill from Taiwan's MyData platform: which datasets the form reads, why, and which field each value fills. */
  readonly mydata?: MyDataSpec;
}

/**
 * Prefill from MyData (個人化資料自主運用平臺): with one identity check and one consent, values held by agencies fill
 * the form, verified and (by default) locked.
 * @example
 * const mydata: MyDataSpec = {
 *   purpose: { 'zh-Hant-TW': '確認申請人戶籍', en: 'To confirm your household registration' },
 *   subject: '/applicant/id',
 *   datasets: [{ resource: 'API.UDauDOLyZg', why: { 'zh-Hant-TW': '帶入戶籍地址', en: 'To fill in your registered address' } }],
 *   map: [{ field: '/applicant/name', from: 'API.UDauDOLyZg:personHouseholdData21[person_id=$subject].person_name' }],
 * };
 */
export interface MyDataSpec {
  /** Why the agency asks for the citizen's data; shown on the consent step. */
  readonly purpose: LocalizedText;
  /**
   * JSON pointer of the field holding the citizen's national ID: asked on the consent step, sent to the platform
   * (encrypted) as `pid`, and locked afterwards (the platform verified the person).
   */
  readonly subject: string;
  /** The datasets this form reads (data minimisation: a mapping may only read these). */
  readonly datasets: readonly MyDataDataset[];
  readonly map: readonly MyDataMapping[];
  /** Minutes verified values stay usable (in the page, the draft and the server's seal); default 60. */
  readonly keepMinutes?: number;
}

/**
 * A dataset the form asks the citizen to share.
 * @example
 * const household: MyDataDataset = { resource: 'API.UDauDOLyZg', why: { 'zh-Hant-TW': '帶入家庭成員', en: 'To list your household members' } };
 */
export interface MyDataDataset {
  /** Resource id in the platform's catalogue, e.g. `API.UDauDOLyZg` (must be in `MYDATA_DATASETS`). */
  readonly resource: string;
  /** What this form uses the dataset for, shown at consent. */
  readonly why: LocalizedText;
}

/** A top-level mapping: one field, or a repeat filled with one entry per element of a dataset's array. */
export type MyDataMapping = MyDataFieldMapping | MyDataRepeatMapping;

/**
 * One field filled from one value (or, with `join`, several).
 * @example
 * const birth: MyDataFieldMapping = { field: '/applicant/birthDate', from: 'API.UDauDOLyZg:personHouseholdData21[person_id=$subject].birth_yyymmdd', transform: 'roc-date' };
 */
export interface MyDataFieldMapping {
  /** JSON pointer of the field (absolute at top level; relative, no leading slash, inside a repeat mapping's `fields`). */
  readonly field: string;
  /** `resource:path` at top level (a list of them for `join`); inside a repeat mapping, a path relative to the entry. */
  readonly from: string | readonly string[];
  readonly transform?: MyDataTransform;
  /** `locked` (default): read-only once filled, checked by the server at submission. `editable`: prefilled, the citizen may change it. */
  readonly lock?: MyDataLock;
}

/** `locked` (default): read-only once filled, checked at submission. `editable`: prefilled, the citizen may change it. */
export type MyDataLock = 'locked' | 'editable';

/**
 * A repeat filled from an array of a dataset, one entry per element.
 * @example
 * const members: MyDataRepeatMapping = {
 *   repeat: '/household/members', from: 'API.UDauDOLyZg:personHouseholdData21[person_id!=$subject]',
 *   fields: [{ field: 'name', from: 'person_name' }, { field: 'birthDate', from: 'birth_yyymmdd', transform: 'roc-date' }],
 * };
 */
export interface MyDataRepeatMapping {
  /** JSON pointer of the repeat's array. */
  readonly repeat: string;
  /** `resource:path` selecting an array, usually with a filter: `API.UDauDOLyZg:personHouseholdData21[person_id!=$subject]`. */
  readonly from: string;
  readonly fields: readonly MyDataFieldMapping[];
}

/** The names of the transforms that take no parameters. */
export type MyDataTransformName = 'text' | 'roc-date' | 'tw-county' | 'tw-address' | 'masked-id' | 'integer';

/**
 * How a dataset's value becomes the field's value; a value the transform cannot read is not mapped (and reported).
 * - `text` (default): a string (numbers stringified), trimmed, NFC, full-width ASCII → half-width
 * - `roc-date`: a 民國 date (`0560914`, `560914`, `107年01月01日`, `32/02/02`, `107.01.01`, `107-01-01`) → `YYYY-MM-DD`
 * - `tw-county`: a county or city name (臺/台 both) → its code in Formosa's tw-counties list (`TPE`, `NWT`, …)
 * - `tw-address`: `{village, neighbor, neighbor_char?, street_doorplate}` → one street line `大安里5鄰信義路三段100號`
 * - `masked-id`: a partly masked national ID (`A14****692`) → upper case, `*` for each masked character
 * - `integer`: `"12,345"` or `12345` → `12345`
 * - `{enum: {...}}`: the (trimmed) value looked up in the table; a value not in it is not mapped
 * - `{join: {separator}}`: the values of several `from` paths joined
 * - `{present: {yes, no}}`: `yes` when the selection is non-empty, else `no`
 * @example
 * const status: MyDataTransform = { enum: { 低收入戶: 'low', 中低收入戶: 'middle-low' } };
 */
export type MyDataTransform =
  | MyDataTransformName
  | { readonly enum: Readonly<Record<string, string | number | boolean>> }
  | { readonly join: { readonly separator?: string } }
  | { readonly present: { readonly yes: JsonValue; readonly no: JsonValue } };
