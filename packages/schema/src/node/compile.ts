/**
 * Node-only: compiles JSON Schemas into standalone validator modules, so browsers never need `eval`.
 * Uses ajv's standalone code generation, then bundles its runtime helpers with esbuild.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020, type Options } from 'ajv/dist/2020.js';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { build } from 'esbuild';
import type { JsonSchema } from '../types.js';
import { KNOWN_FORMATS } from '../formats.js';
import { linearRegExp } from '../pattern.js';

const require = createRequire(import.meta.url);

/** The pattern module beside this one: the TypeScript source in tests and tools, the built file once published. */
const patternModule = (() => {
  const built = fileURLToPath(new URL('../pattern.js', import.meta.url));
  return existsSync(built) ? built : built.replace(/\.js$/, '.ts');
})();

/**
 * ajv runs `pattern` with the linear-time engine, here and in precompiled validators, whose code imports it by
 * this snippet (esbuild bundles it into the validator module): no answer can make validation backtrack.
 */
const regExp = Object.assign((source: string) => linearRegExp(source), { code: `require(${JSON.stringify(patternModule)}).linearRegExp` });

/**
 * ajv options shared by run-time compilation (server) and standalone compilation (build, CLI),
 * so both validate identically. Formats are checked by the engine, so ajv treats them as annotations;
 * patterns run in linear time (see pattern.ts).
 */
export function ajvOptions(): Options {
  return {
    allErrors: true,
    // Unknown keywords (a typo such as `minlength`) are errors; the other strict checks only log noise.
    strictSchema: true,
    strictNumbers: true,
    strictTypes: false,
    strictTuples: false,
    strictRequired: false,
    allowUnionTypes: true,
    formats: Object.fromEntries(KNOWN_FORMATS.map((f) => [f, true])),
    code: { regExp },
  };
}

/** A new ajv instance for JSON Schema 2020-12 with the shared options. */
export function createAjv(extra: Options = {}): Ajv2020 {
  return new Ajv2020({ ...ajvOptions(), ...extra });
}

/**
 * Compiles a schema into the source of a self-contained ES module whose default export validates data
 * (ajv's `ValidateFunction` shape: returns a boolean and sets `.errors`).
 * @example
 * const source = await compileStandaloneValidator({ type: 'object', required: ['name'] });
 * await writeFile('validator.js', source);
 */
export async function compileStandaloneValidator(schema: JsonSchema, options: { minify?: boolean; verbose?: boolean; patternModule?: string } = {}): Promise<string> {
  // A validator bundled with the SDK imports the SDK's own pattern engine (one copy in the bundle); one served on
  // its own carries it inside.
  const engine = options.patternModule ? Object.assign((source: string) => linearRegExp(source), { code: 'formosaLinearRegExp' }) : regExp;
  const ajv = createAjv({ code: { source: true, esm: true, regExp: engine }, verbose: options.verbose ?? false, messages: false });
  const validate = ajv.compile(schema as object);
  const code = (options.patternModule ? `import { linearRegExp as formosaLinearRegExp } from ${JSON.stringify(options.patternModule)};\n` : '') + standaloneCode(ajv, validate);
  const result = await build({
    stdin: { contents: code, resolveDir: dirname(require.resolve('ajv/package.json')), loader: 'js' },
    external: options.patternModule ? [options.patternModule] : [],
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    minify: options.minify ?? true,
    legalComments: 'none',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}
