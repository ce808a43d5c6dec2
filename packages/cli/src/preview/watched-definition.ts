/**
 * The definition being previewed, as it is on disk now: read again at each save, checked by the same gate and lint
 * as `formosa validate`, with its validator compiled when the page first asks for it.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { loadDefinition, type FormDefinition, type Problem } from '@formosa/schema';
import { compileStandaloneValidator, createAjv } from '@formosa/schema/node';
import { FormEngine } from '@formosa/engine';

/** Where the preview's page sends a submission and its files: the preview itself, never the agency's endpoint. */
export const PREVIEW_ENDPOINT = '/api/preview/submissions';
export const PREVIEW_ATTACHMENTS = '/api/preview/attachments';

/** What the page is told after each save (as JSON): the problems, or the version to show. */
export interface DefinitionState {
  /** Counts the saves that changed the text; the page reloads the form when it grows. */
  readonly revision: number;
  readonly file: string;
  /** Whether the definition passes: the form can be shown. */
  readonly ok: boolean;
  readonly id?: string;
  readonly version?: string;
  readonly defaultLocale?: string;
  readonly locales?: readonly string[];
  /** The errors when it does not pass; its warnings (missing translations, say) when it does. */
  readonly problems: readonly Problem[];
}

export class WatchedDefinition {
  private text: string | undefined;
  private current: DefinitionState;
  private definition: FormDefinition | undefined;
  private validatorSource: Promise<string> | undefined;
  private engineOf: FormEngine | undefined;

  constructor(readonly file: string) {
    this.current = { revision: 0, file: basename(file), ok: false, problems: [] };
  }

  get state(): DefinitionState {
    return this.current;
  }

  /** Reads the file again; returns whether its text changed (an editor's save may write the same bytes). */
  async reload(): Promise<boolean> {
    const text = await readFile(this.file, 'utf8').catch((error: NodeJS.ErrnoException) => error);
    if (typeof text === 'string' && text === this.text) return false;
    const revision = this.current.revision + 1;
    const base = { revision, file: basename(this.file) };
    this.text = typeof text === 'string' ? text : undefined;
    this.validatorSource = undefined;
    this.engineOf = undefined;
    if (typeof text !== 'string') {
      // Between an editor's unlink and rename the file is briefly absent; the next event brings it back.
      this.definition = undefined;
      this.current = { ...base, ok: false, problems: [{ severity: 'error', path: '', code: 'unreadable', message: `the file cannot be read (${text.code ?? text.message})` }] };
      return true;
    }
    const result = loadDefinition(text);
    this.definition = result.ok ? result.definition : undefined;
    this.current = result.ok
      ? { ...base, ok: true, id: result.definition.id, version: result.definition.version, defaultLocale: result.definition.defaultLocale, locales: result.definition.locales, problems: result.warnings }
      : { ...base, ok: false, problems: result.problems.filter((p) => p.severity === 'error') };
    return true;
  }

  /** The definition as the page gets it: its submission and uploads go to the preview, never to the agency. */
  served(): FormDefinition | undefined {
    return this.definition && { ...this.definition, submission: { endpoint: PREVIEW_ENDPOINT, attachments: PREVIEW_ATTACHMENTS } };
  }

  /** The precompiled validator module the page imports (compiled once per revision, when first asked for). */
  validator(): Promise<string> | undefined {
    if (!this.definition) return undefined;
    this.validatorSource ??= compileStandaloneValidator(this.definition.schema);
    return this.validatorSource;
  }

  /** The engine that checks a submission as the agency's server would (the schema compiled in this process). */
  engine(): FormEngine | undefined {
    if (!this.definition) return undefined;
    this.engineOf ??= new FormEngine(this.definition, { validator: createAjv().compile(this.definition.schema) });
    return this.engineOf;
  }
}
