// @ts-check
/**
 * Analyzer plugins (@custom-elements-manifest/analyzer, `--litelement`) for what it cannot read by itself in this
 * package: the tag names (registered through the ELEMENTS map of src/define.ts, not `customElements.define` calls),
 * Lit's `state: true` properties (internal, yet listed as attributes), and the events (named by the `static readonly
 * type` of their classes in src/internal/events.ts, not by a string at the dispatch), and the custom properties of the
 * style sheets shared by several elements (documented once, beside the sheet). Plain JavaScript so that the
 * analyzer's own `cem analyze` can load it without a TypeScript loader.
 */

/** @typedef {import('@custom-elements-manifest/analyzer').Plugin} Plugin */
/** @typedef {import('custom-elements-manifest/schema').Module} Module */
/** @typedef {import('custom-elements-manifest/schema').ClassDeclaration} ClassDeclaration */
/** @typedef {import('custom-elements-manifest/schema').Event} ManifestEvent */

/** The modules that register elements, and the name of each one's map (the status page is a bundle of its own). */
const REGISTRIES = new Map([['src/define.ts', 'ELEMENTS'], ['src/components/status/define.ts', 'STATUS_ELEMENTS']]);

/**
 * `'formosa-form': FormosaForm` in define.ts's ELEMENTS becomes a custom-element-definition export of that module,
 * which the analyzer's own linking turns into the class's `tagName`.
 * @returns {Plugin}
 */
export function tagNamesFromRegistry() {
  return {
    name: 'formosa-tag-names',
    analyzePhase({ ts, node, moduleDoc }) {
      const registry = moduleDoc.path;
      if (!REGISTRIES.has(registry) || !ts.isVariableDeclaration(node) || node.name.getText() !== REGISTRIES.get(registry)) return;
      const imports = importedModules(ts, node.getSourceFile());
      let map = node.initializer;
      while (map && (ts.isAsExpression(map) || ts.isSatisfiesExpression(map))) map = map.expression;
      if (!map || !ts.isObjectLiteralExpression(map)) throw new Error(`${registry}: ELEMENTS is not an object literal`);
      for (const entry of map.properties) {
        if (!ts.isPropertyAssignment(entry) || !ts.isStringLiteral(entry.name) || !ts.isIdentifier(entry.initializer)) continue;
        const className = entry.initializer.text;
        const module = imports.get(className);
        if (!module) throw new Error(`${registry}: ${className} is not imported`);
        (moduleDoc.exports ??= []).push({ kind: 'custom-element-definition', name: entry.name.text, declaration: { name: className, module } });
      }
    },
  };
}

/**
 * @param {typeof import('typescript')} ts
 * @param {import('typescript').SourceFile} file
 * @returns {Map<string, string>} imported name → module path as the manifest spells it (src/…/x.ts)
 */
function importedModules(ts, file) {
  const modules = new Map();
  for (const statement of file.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    const bindings = statement.importClause?.namedBindings;
    if (!bindings || !ts.isNamedImports(bindings)) continue;
    const path = new URL(statement.moduleSpecifier.text, `file:///${file.fileName}`).pathname.slice(1).replace(/\.js$/, '.ts');
    for (const element of bindings.elements) modules.set(element.name.text, path);
  }
  return modules;
}

/**
 * Removes the properties declared `state: true` in a class's `static properties` (internal reactive state: no
 * attribute, not part of the API) before inheritance copies them into the subclasses.
 * @returns {Plugin}
 */
export function withoutStateProperties() {
  /** @type {Map<string, Set<string>>} class name → its state properties */
  const states = new Map();
  return {
    name: 'formosa-without-state-properties',
    analyzePhase({ ts, node }) {
      if (!ts.isClassDeclaration(node) || !node.name) return;
      for (const member of node.members) {
        const isStatic = ts.canHaveModifiers(member) && ts.getModifiers(member)?.some((m) => m.kind === ts.SyntaxKind.StaticKeyword);
        if (!isStatic || !ts.isPropertyDeclaration(member) || member.name.getText() !== 'properties') continue;
        if (!member.initializer || !ts.isObjectLiteralExpression(member.initializer)) continue;
        const names = new Set();
        for (const property of member.initializer.properties) {
          if (!ts.isPropertyAssignment(property) || !ts.isObjectLiteralExpression(property.initializer)) continue;
          const isState = property.initializer.properties.some((option) => ts.isPropertyAssignment(option)
            && option.name.getText() === 'state' && option.initializer.kind === ts.SyntaxKind.TrueKeyword);
          if (isState) names.add(property.name.getText());
        }
        if (names.size) states.set(node.name.text, names);
      }
    },
    moduleLinkPhase({ moduleDoc }) {
      for (const declaration of classes(moduleDoc)) {
        const names = states.get(declaration.name);
        if (!names) continue;
        declaration.attributes = declaration.attributes?.filter((a) => !names.has(a.fieldName ?? a.name));
        declaration.members = declaration.members?.filter((m) => !names.has(m.name));
      }
    },
  };
}

/**
 * Names every event by its class: the analyzer reads `dispatchEvent(new FormosaErrorEvent('load', …))` as an event
 * called `load` (the first argument), and cannot name `new FormosaLoadEvent(…)` at all. Those guesses are dropped;
 * the events listed are the documented ones (`@event`), each typed with its class (FormosaSubmitEvent…) so that the
 * framework typings can import it. Whether the documented events are the dispatched ones is the manifest test's job.
 * @returns {Plugin}
 */
export function eventsByClass() {
  /** @type {Map<string, string>} event name → class */
  const classOf = new Map();
  return {
    name: 'formosa-events-by-class',
    analyzePhase({ ts, node }) {
      if (!ts.isClassDeclaration(node) || !node.name) return;
      const extendsEvent = node.heritageClauses?.some((clause) => clause.types.some((type) => type.expression.getText() === 'Event'));
      if (!extendsEvent) return;
      for (const member of node.members) {
        if (ts.isPropertyDeclaration(member) && member.name.getText() === 'type' && member.initializer && ts.isStringLiteral(member.initializer)) {
          classOf.set(member.initializer.text, node.name.text);
        }
      }
    },
    packageLinkPhase({ customElementsManifest }) {
      const eventClasses = new Set(classOf.values());
      for (const module of customElementsManifest.modules) {
        for (const declaration of classes(module)) {
          if (!declaration.events) continue;
          /** @type {Map<string, ManifestEvent>} */
          const byName = new Map();
          for (const event of declaration.events) {
            if (!event.name || (event.type && eventClasses.has(event.type.text))) continue;
            const eventClass = classOf.get(event.name);
            if (!byName.has(event.name)) byName.set(event.name, eventClass ? { ...event, type: { text: eventClass } } : event);
          }
          declaration.events = [...byName.values()];
        }
      }
    },
  };
}

/**
 * The custom properties of a shared style sheet (`tokens`, `noteStyles`…) are documented once, with `@cssprop` tags in
 * the JSDoc of its `css` constant, and listed on every class whose `static styles` includes it (and, by inheritance,
 * on their subclasses). Style sheet names are unique in the package.
 * @returns {Plugin}
 */
export function sharedStyleProperties() {
  /** @type {Map<string, { name: string; description: string }[]>} style sheet → its documented custom properties */
  const documented = new Map();
  /** @type {Map<string, string[]>} class → the style sheets its `static styles` lists */
  const sheetsOf = new Map();
  return {
    name: 'formosa-shared-style-properties',
    // The collect phase sees every module before any is linked, whatever the order of the files.
    collectPhase({ ts, node }) {
      if (ts.isVariableDeclaration(node) && node.initializer && ts.isTaggedTemplateExpression(node.initializer) && node.initializer.tag.getText() === 'css') {
        const properties = ts.getJSDocTags(node).filter((tag) => ['cssprop', 'cssproperty'].includes(tag.tagName.text)).flatMap((tag) => {
          const match = /^(--[\w-]+)\s*(?:-\s*)?([\s\S]*)$/.exec(ts.getTextOfJSDocComment(tag.comment)?.trim() ?? '');
          return match ? [{ name: match[1], description: match[2].trim() }] : [];
        });
        if (properties.length) documented.set(node.name.getText(), properties);
      }
      if (ts.isClassDeclaration(node) && node.name) {
        for (const member of node.members) {
          if (!ts.isPropertyDeclaration(member) || member.name.getText() !== 'styles' || !member.initializer) continue;
          const list = ts.isArrayLiteralExpression(member.initializer) ? [...member.initializer.elements] : [member.initializer];
          sheetsOf.set(node.name.text, list.filter(ts.isIdentifier).map((identifier) => identifier.text));
        }
      }
    },
    moduleLinkPhase({ moduleDoc }) {
      for (const declaration of classes(moduleDoc)) {
        for (const sheet of sheetsOf.get(declaration.name) ?? []) {
          for (const property of documented.get(sheet) ?? []) {
            const listed = (declaration.cssProperties ??= []);
            if (!listed.some((p) => p.name === property.name)) listed.push({ ...property });
          }
        }
      }
    },
  };
}

/**
 * @param {Module} module
 * @returns {ClassDeclaration[]}
 */
function classes(module) {
  return /** @type {ClassDeclaration[]} */ ((module.declarations ?? []).filter((d) => d.kind === 'class'));
}
