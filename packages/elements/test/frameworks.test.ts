/**
 * The React and Vue typings the build generates (dist/frameworks) list every element of custom-elements.json, with
 * every attribute, settable property and event. Reads the files `npm run build` (or `npm run prepare`) wrote.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import ts from 'typescript';
import type { Package } from 'custom-elements-manifest/schema';
import { pascalHandler, type ElementDeclaration, type Field } from '../scripts/frameworks.js';

const packageDir = new URL('../', import.meta.url);
const read = (path: string): string => {
  const file = new URL(path, packageDir);
  assert.ok(existsSync(file), `${path} is missing: run npm run build`);
  return readFileSync(file, 'utf8');
};
const manifest = JSON.parse(read('custom-elements.json')) as Package;
const elements = manifest.modules.flatMap((m) => m.declarations ?? []).filter((d): d is ElementDeclaration => 'tagName' in d && Boolean(d.tagName));

/** What a host may write on each element, per framework. */
const settable = (element: ElementDeclaration): string[] => (element.members ?? [])
  .filter((m): m is Field => m.kind === 'field' && (m.privacy ?? 'public') === 'public' && !m.static && !(m as Field).readonly && !m.type?.text.startsWith('Promise<'))
  .map((m) => m.name);

/** Member names of each type literal or interface reachable by name in a .d.ts. */
function membersByName(source: string): Map<string, Set<string>> {
  const file = ts.createSourceFile('typings.d.ts', source, ts.ScriptTarget.Latest, true);
  const found = new Map<string, Set<string>>();
  const names = (members: ts.NodeArray<ts.TypeElement>) => new Set(members.map((m) => (m.name && (ts.isIdentifier(m.name) || ts.isStringLiteral(m.name)) ? m.name.text : '')));
  const visit = (node: ts.Node): void => {
    if (ts.isInterfaceDeclaration(node)) found.set(node.name.text, names(node.members));
    if (ts.isTypeAliasDeclaration(node)) {
      // type XProps = ElementProps<X, { …own props… }>
      const own = ts.isTypeReferenceNode(node.type) ? node.type.typeArguments?.[1] : undefined;
      if (own && ts.isTypeLiteralNode(own)) found.set(node.name.text, names(own.members));
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

/** The type each entry of an interface (IntrinsicElements, GlobalComponents) names, e.g. 'formosa-form' → FormosaFormProps. */
function entries(source: string, interfaceName: string): Map<string, string> {
  const file = ts.createSourceFile('typings.d.ts', source, ts.ScriptTarget.Latest, true);
  const found = new Map<string, string>();
  const visit = (node: ts.Node): void => {
    if (ts.isInterfaceDeclaration(node) && node.name.text === interfaceName) {
      for (const member of node.members) {
        if (!ts.isPropertySignature(member) || !member.type || !member.name) continue;
        const type = ts.isTypeReferenceNode(member.type) && member.type.typeArguments?.[0] ? member.type.typeArguments[0] : member.type;
        found.set((member.name as ts.Identifier | ts.StringLiteral).text, type.getText());
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

test('the manifest lists every element the registries register (define.ts, and the status page\'s own), each with a tag name', () => {
  const registered = ['src/define.ts', 'src/components/status/define.ts']
    // The tag names of each registry's map (`ELEMENTS = { 'formosa-form': FormosaForm, … }`).
    .flatMap((file) => [...(/ELEMENTS = \{([^}]*)\}/.exec(read(file))?.[1] ?? '').matchAll(/'(formosa-[a-z-]+)'/g)].map((m) => m[1]))
    .sort();
  assert.ok(registered.length > 10);
  assert.deepEqual(elements.map((e) => e.tagName).sort(), registered);
});

test('react.d.ts: every element is a JSX intrinsic element with every attribute, property and event (on + exact name)', () => {
  const source = read('dist/frameworks/react.d.ts');
  assert.match(source, /import type \{\} from '@formosa\/elements\/react'/);
  const intrinsic = entries(source, 'IntrinsicElements');
  const props = membersByName(source);
  assert.deepEqual([...intrinsic.keys()].sort(), elements.map((e) => e.tagName).sort());
  for (const element of elements) {
    const own = props.get(intrinsic.get(element.tagName!)!);
    assert.ok(own, `${element.tagName}: no props type`);
    for (const attribute of element.attributes ?? []) assert.ok(own.has(attribute.name), `${element.tagName}: attribute ${attribute.name}`);
    for (const property of settable(element)) assert.ok(own.has(property), `${element.tagName}: property ${property}`);
    for (const event of element.events ?? []) assert.ok(own.has(`on${event.name}`), `${element.tagName}: on${event.name}`);
  }
});

test('vue.d.ts: every element is a global component with every attribute (as its property), property and event (onPascalCase)', () => {
  const source = read('dist/frameworks/vue.d.ts');
  assert.match(source, /import type \{\} from '@formosa\/elements\/vue'/);
  const components = entries(source, 'GlobalComponents');
  const props = membersByName(source);
  assert.equal(components.size, elements.length);
  for (const element of elements) {
    const pascal = element.tagName!.replace(/(^|-)(\w)/g, (_, _dash: string, c: string) => c.toUpperCase());
    const own = props.get(components.get(pascal) ?? '');
    assert.ok(own, `${element.tagName}: no ${pascal} component`);
    for (const attribute of element.attributes ?? []) assert.ok(own.has(attribute.fieldName ?? attribute.name), `${element.tagName}: attribute ${attribute.name}`);
    for (const property of settable(element)) assert.ok(own.has(property), `${element.tagName}: property ${property}`);
    for (const event of element.events ?? []) assert.ok(own.has(pascalHandler(event.name)), `${element.tagName}: ${pascalHandler(event.name)}`);
  }
});
