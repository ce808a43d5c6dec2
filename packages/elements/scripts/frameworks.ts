/**
 * Framework typings generated from custom-elements.json (never written by hand): dist/frameworks/react.d.ts adds every
 * element to React 19's JSX.IntrinsicElements, dist/frameworks/vue.d.ts to Vue's GlobalComponents. Run by
 * scripts/build.ts after the analyzer; `node --import tsx packages/elements/scripts/frameworks.ts` from the root.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { Attribute, ClassDeclaration, ClassField, CustomElement, Package } from 'custom-elements-manifest/schema';

/** Schema 1.0.0's CustomElementDeclaration forgets CustomElement's fields; the analyzer also marks getters `readonly`. */
export type ElementDeclaration = ClassDeclaration & CustomElement;
export type Field = ClassField & { readonly?: boolean };

/** One element as the typings need it. */
export interface ElementApi {
  tagName: string;
  className: string;
  summary: string;
  /** Settable properties (React 19 and Vue set a custom element's property when it has one). */
  properties: { name: string; type: string; description: string }[];
  /** Attributes spelled differently from their property (`lock-reason`), or with no property at all. */
  attributes: { name: string; type: string; description: string; property?: string }[];
  events: { name: string; type: string; description: string }[];
}

/** Names a type text may use without an import. */
const GLOBALS = new Set(['Array', 'ReadonlyArray', 'Record', 'Partial', 'Readonly', 'Promise', 'Map', 'Set', 'Date', 'File', 'Blob', 'HTMLElement',
  'HTMLFormElement', 'Event', 'ShadowRootInit', 'ValidityState']);

/** The elements of the manifest, with the names of the types `@formosa/elements` exports. */
export function elementsOf(manifest: Package): { elements: ElementApi[]; exported: Set<string> } {
  const exported = new Set(manifest.modules.find((m) => m.path === 'src/index.ts')?.exports?.map((e) => e.name) ?? []);
  const elements: ElementApi[] = [];
  for (const module of manifest.modules) {
    for (const declaration of module.declarations ?? []) {
      if (declaration.kind !== 'class' || !('tagName' in declaration) || !declaration.tagName) continue;
      elements.push(elementApi(declaration as ElementDeclaration, exported));
    }
  }
  return { elements: elements.sort((a, b) => a.tagName.localeCompare(b.tagName)), exported };
}

function elementApi(element: ElementDeclaration, exported: Set<string>): ElementApi {
  const className = element.name;
  // A type the package does not export (FormDefinition…) is named through the class: FormosaForm['definition'].
  const typeOf = (text: string | undefined, field: string | undefined): string => {
    if (text && importable(text, exported)) return text;
    return field ? `${className}['${field}']` : 'string';
  };
  const fields = (element.members ?? []).filter((m): m is Field => m.kind === 'field'
    && (m.privacy ?? 'public') === 'public' && !m.static && !(m as Field).readonly
    // A promise (updateComplete) is awaited, never set.
    && !m.type?.text.startsWith('Promise<'));
  const attributes = (element.attributes ?? []).filter((a: Attribute) => a.fieldName !== a.name);
  return {
    tagName: element.tagName ?? '',
    className,
    summary: element.summary ?? element.description ?? '',
    properties: fields.map((f) => ({ name: f.name, type: typeOf(f.type?.text, f.name), description: f.description ?? '' })),
    attributes: attributes.map((a) => ({ name: a.name, type: typeOf(a.type?.text, a.fieldName), description: a.description ?? '', property: a.fieldName })),
    events: (element.events ?? []).filter((e) => e.name).map((e) => ({
      name: e.name, type: e.type && importable(e.type.text, exported) ? e.type.text : 'Event', description: e.description ?? '',
    })),
  };
}

/** True when every name in the type text is a global or exported by `@formosa/elements`. */
function importable(text: string, exported: Set<string>): boolean {
  const names = text.replace(/'[^']*'/g, '').match(/\b[A-Z]\w*/g) ?? [];
  return names.every((name) => GLOBALS.has(name) || exported.has(name));
}

/** The names of the types the typings use that `@formosa/elements` exports. */
function importsOf(elements: ElementApi[], exported: Set<string>): string[] {
  const texts = elements.flatMap((e) => [e.className, ...e.properties.map((p) => p.type), ...e.attributes.map((a) => a.type), ...e.events.map((v) => v.type)]);
  const names = new Set(texts.flatMap((text) => text.replace(/'[^']*'/g, '').match(/\b[A-Z]\w*/g) ?? []).filter((name) => exported.has(name)));
  return [...names].sort();
}

const pascal = (tag: string): string => tag.replace(/(^|-)(\w)/g, (_, _dash: string, c: string) => c.toUpperCase());
const doc = (text: string, indent: string): string => (text ? `${indent}/** ${text.replace(/\*\//g, '*\\/').replace(/\s*\n\s*/g, ' ')} */\n` : '');
const key = (name: string): string => (/^[A-Za-z_$][\w$]*$/.test(name) ? name : `'${name}'`);

/**
 * Own props of each element: its properties, then its attributes spelled differently (React passes `lock-reason` to
 * setAttribute, e.g. when rendering on the server; Vue turns `lock-reason` into `lockReason` itself, so gets only the
 * attributes without a property).
 */
function ownProps(element: ElementApi, indent: string, framework: 'react' | 'vue'): string {
  const seen = new Set<string>();
  const lines: string[] = [];
  const attributes = framework === 'react' ? element.attributes : element.attributes.filter((a) => !a.property);
  for (const { name, type, description } of [...element.properties, ...attributes]) {
    if (seen.has(name)) continue;
    seen.add(name);
    lines.push(`${doc(description, indent)}${indent}${key(name)}?: ${type};`);
  }
  return lines.join('\n');
}

const HEADER = (framework: string, optIn: string, events: string) => `/**
 * ${framework} typings of the Formosa elements, generated from custom-elements.json by
 * packages/elements/scripts/frameworks.ts — do not edit.
 *
 * Opt in once, in any file of the host app (or list "@formosa/elements/${optIn}" in tsconfig's "types"):
 *   import type {} from '@formosa/elements/${optIn}';
 *
${events}
 */`;

/** React 19: custom elements get properties set (when the element has one) and custom events as `on<exact-name>`. */
export function reactTypings(manifest: Package): string {
  const { elements, exported } = elementsOf(manifest);
  const header = HEADER('React 19', 'react', [
    ' * Properties are set as properties (React 19 sets a custom element\'s property when it has one, else the attribute).',
    ' * Events are spelled `on` + the exact event name, as React 19 adds the listener by that name:',
    ' *   <formosa-form src="/forms/x.json" locale="en" onformosa-submit={(event) => show(event.receipt)} />',
  ].join('\n'));
  const props = elements.map((element) => {
    const events = element.events.map((e) => `${doc(e.description, '    ')}    'on${e.name}'?: (event: ${e.type}) => void;`).join('\n');
    return `${doc(element.summary, '  ')}  type ${element.className}Props = ElementProps<${element.className}, {\n${ownProps(element, '    ', 'react')}\n${events}\n  }>;`;
  }).join('\n');
  const intrinsic = elements.map((e) => `${doc(e.summary, '      ')}      '${e.tagName}': ${e.className}Props;`).join('\n');
  return `${header}
import type * as React from 'react';
import type { ${importsOf(elements, exported).join(', ')} } from '@formosa/elements';

declare module 'react' {
  /** The element's own props over the HTML ones; \`class\` as React 19 passes it to custom elements, and \`ref\`. */
  type ElementProps<E, Own> = Own & Omit<React.HTMLAttributes<E>, keyof Own> & React.RefAttributes<E> & { class?: string };
${props}
  namespace JSX {
    interface IntrinsicElements {
${intrinsic}
    }
  }
}
`;
}

/** Vue 3: `:prop` binds a property (or attribute), `@formosa-submit` listens through the `onFormosaSubmit` prop. */
export function vueTypings(manifest: Package): string {
  const { elements, exported } = elementsOf(manifest);
  const header = HEADER('Vue 3', 'vue', [
    ' * Bind properties with `:` (Vue sets a custom element\'s property when it has one) and listen with `@` + the event',
    ' * name, which Vue type-checks as the `on` + PascalCase prop:',
    ' *   <formosa-form src="/forms/x.json" :locale="locale" @formosa-submit="(event) => show(event.receipt)" />',
    ' * Tell Vue\'s compiler these are custom elements: compilerOptions.isCustomElement = (tag) => tag.startsWith(\'formosa-\').',
  ].join('\n'));
  const props = elements.map((element) => {
    const events = element.events.map((e) => `${doc(e.description, '  ')}  ${pascalHandler(e.name)}?: (event: ${e.type}) => void;`).join('\n');
    return `${doc(element.summary, '')}export interface ${element.className}VueProps {\n${ownProps(element, '  ', 'vue')}\n${events}\n}`;
  }).join('\n');
  const globals = elements.map((e) => `${doc(e.summary, '    ')}    ${pascal(e.tagName)}: DefineComponent<${e.className}VueProps>;`).join('\n');
  return `${header}
import type { DefineComponent } from 'vue';
import type { ${importsOf(elements, exported).join(', ')} } from '@formosa/elements';

${props}

declare module 'vue' {
  interface GlobalComponents {
${globals}
  }
}
`;
}

/** `formosa-submit` → `onFormosaSubmit`, the prop Vue's `@formosa-submit` resolves to. */
export const pascalHandler = (event: string): string => `on${pascal(event)}`;

/** Writes dist/frameworks/{react,vue}.d.ts of the package from its custom-elements.json. */
export function writeFrameworkTypings(packageDir: URL = new URL('..', import.meta.url)): void {
  const manifest = JSON.parse(readFileSync(new URL('custom-elements.json', packageDir), 'utf8')) as Package;
  const out = new URL('dist/frameworks/', packageDir);
  mkdirSync(out, { recursive: true });
  writeFileSync(new URL('react.d.ts', out), reactTypings(manifest));
  writeFileSync(new URL('vue.d.ts', out), vueTypings(manifest));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) writeFrameworkTypings();
