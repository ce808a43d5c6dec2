/**
 * Generates a large form definition for the benchmark: `count` fields of mixed widgets, about a third with
 * validation keywords, 10% shown only when an earlier yes/no is ticked or a text answered, in sections of 50, all on one
 * step (the worst case: everything rendered at once), or spread over `steps` steps.
 */
import type { FieldItem, FormDefinition, JsonSchema, LayoutItem } from '@formosa/schema';

const T = (text: string) => ({ 'zh-Hant-TW': `${text}（中文）`, en: text });
const KINDS = ['text', 'text', 'text', 'number', 'select', 'radio', 'checkbox', 'date', 'email', 'tel'] as const;

export function generateDefinition(count: number, options: { steps?: number; endpoint?: string } = {}): FormDefinition {
  const sections: LayoutItem[] = [];
  const properties: Record<string, JsonSchema> = {};
  let controller: string | undefined;
  let textController: string | undefined;
  for (let s = 0; s * 50 < count; s++) {
    const group = `s${String(s).padStart(2, '0')}`;
    const groupProps: Record<string, JsonSchema> = {};
    const required: string[] = [];
    const items: FieldItem[] = [];
    for (let i = s * 50; i < Math.min(count, (s + 1) * 50); i++) {
      const name = `f${String(i).padStart(4, '0')}`;
      const kind = KINDS[i % KINDS.length]!;
      const conditional = i % 10 === 9 && controller !== undefined;
      // Every other conditional field depends on a text answer instead, so typing there re-evaluates a rule.
      const readsText = conditional && i % 20 === 19 && textController !== undefined;
      let schema: JsonSchema;
      const field: Record<string, unknown> = { field: `/${group}/${name}`, label: T(`Question ${i + 1}`) };
      switch (kind) {
        case 'number': schema = { type: 'integer', minimum: 0, maximum: 1_000_000 }; break;
        case 'select': schema = { type: 'string', enum: ['a', 'b', 'c', 'd', 'e', 'f'] }; field['widget'] = 'select'; field['options'] = ['a', 'b', 'c', 'd', 'e', 'f'].map((v) => ({ value: v, label: T(`Option ${v}`) })); break;
        case 'radio': schema = { type: 'string', enum: ['yes', 'no'] }; field['options'] = [{ value: 'yes', label: T('Yes') }, { value: 'no', label: T('No') }]; break;
        case 'checkbox': schema = { type: 'boolean' }; controller = `/${group}/${name}`; break;
        case 'date': schema = { type: 'string', format: 'date' }; break;
        case 'email': schema = { type: 'string', format: 'email', maxLength: 254 }; break;
        case 'tel': schema = { type: 'string', format: 'tw-mobile' }; break;
        default:
          schema = i % 3 === 0 ? { type: 'string', minLength: 2, maxLength: 50, pattern: '^[^<>]*$' } : { type: 'string', maxLength: 100 };
          if (i % 20 === 2) textController = `/${group}/${name}`;
      }
      if (i % 3 === 0) field['hint'] = T(`Hint for question ${i + 1}`);
      if (readsText) {
        field['visibleWhen'] = { not: { empty: { var: textController! } } };
        field['required'] = true;
      } else if (conditional) {
        field['visibleWhen'] = { '==': [{ var: controller! }, true] };
        field['required'] = true;
      } else if (i % 4 === 0 && kind !== 'checkbox') required.push(name);
      groupProps[name] = schema;
      items.push(field as unknown as FieldItem);
    }
    properties[group] = { type: 'object', properties: groupProps, ...(required.length ? { required } : {}) };
    sections.push({ section: group, title: T(`Section ${s + 1}`), items });
  }
  return {
    formatVersion: 1,
    id: `bench-${count}`,
    version: '1.0.0',
    defaultLocale: 'zh-Hant-TW',
    locales: ['zh-Hant-TW', 'en'],
    title: T(`Benchmark form with ${count} fields`),
    schema: { type: 'object', properties },
    steps: stepsOf(sections, options.steps ?? 1),
    submission: { endpoint: options.endpoint ?? '/submissions' },
  };
}

/** The sections spread over `count` steps (a big form as agencies build one: many steps of a few sections). */
function stepsOf(sections: LayoutItem[], count: number): FormDefinition['steps'] {
  if (count <= 1) return [{ id: 'all', title: T('All questions'), items: sections }];
  const per = Math.ceil(sections.length / count);
  return Array.from({ length: Math.ceil(sections.length / per) }, (_, i) => ({ id: `step-${i + 1}`, title: T(`Step ${i + 1}`), items: sections.slice(i * per, (i + 1) * per) }));
}
