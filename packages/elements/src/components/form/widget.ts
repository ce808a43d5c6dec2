import { optionSourceOf, optionsOf, typesOf, type FieldItem, type FormDefinition, type SchemaNode, type Widget } from '@formosa/schema';
import type { AnswerKind } from '@formosa/i18n';

/**
 * The widget of a field: the designer's choice, else what its data schema implies
 * (boolean → checkbox, up to 5 choices → radios, more → select, number, date, e-mail, phone, long text → textarea).
 */
export function widgetOf(definition: FormDefinition, field: FieldItem, schema: SchemaNode): Widget {
  if (field.widget) return field.widget;
  const types = typesOf(schema);
  if (types.includes('boolean')) return 'checkbox';
  if (optionSourceOf(field)) return 'select';
  const options = optionsOf(definition, field);
  if (options || Array.isArray(schema['enum'])) return (options?.length ?? (schema['enum'] as unknown[]).length) <= 5 ? 'radio' : 'select';
  if (types.includes('number') || types.includes('integer')) return 'number';
  const format = schema['format'];
  if (format === 'date') return 'date';
  if (format === 'email') return 'email';
  if (format === 'tw-mobile' || format === 'tw-phone') return 'tel';
  if (typeof schema['maxLength'] === 'number' && schema['maxLength'] > 200) return 'textarea';
  return 'text';
}

/** How "required" is phrased for a widget: choose, tick, or enter. */
export function answerKind(widget: Widget): AnswerKind {
  if (widget === 'select' || widget === 'radio') return 'choice';
  if (widget === 'checkbox') return 'check';
  if (widget === 'file') return 'list';
  return 'text';
}

/** The element id of the field at a data pointer (error summary links point at it). */
export function fieldId(path: string): string {
  return `f${path.replace(/\//g, '.')}`;
}
