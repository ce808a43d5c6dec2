/**
 * The validators of the served forms and the judging of submissions, in a worker thread (judge-worker.ts): each
 * validator is compiled once into the standalone module browsers import, and the worker judges submissions with
 * that very module, so the server and the citizen's browser run the same checks, and no request's cost blocks
 * the server's own thread.
 */
import { Worker } from 'node:worker_threads';
import type { FormDefinition } from '@formosa/schema';
import type { Data, FieldError, SchemaValidator } from '@formosa/engine';

/** What the worker is asked. */
export type ToJudge =
  | { id: number; kind: 'prepare'; definition: FormDefinition }
  | { id: number; kind: 'judge'; form: string; text: string }
  | { id: number; kind: 'fingerprint'; text: string };

/** A submission judged: not JSON, refused with field errors, or accepted as this data (hidden answers dropped). */
export type Judgement = { malformed: true } | { errors: FieldError[]; truncated?: boolean } | { data: Data; fingerprint: string };

/** A body's fingerprint, the one a judgement gives, or `malformed` when it is not JSON. */
export type Fingerprinted = { malformed: true } | { fingerprint: string };

type Waiting = { resolve: (result: never) => void; reject: (error: Error) => void };

export class Judges {
  private worker?: Worker;
  private next = 0;
  private readonly waiting = new Map<number, Waiting>();
  /** Every form prepared, to prepare again in a new worker if one ever dies. */
  private readonly prepared = new Map<string, FormDefinition>();

  /** Compiles a form's validator (the module's source is returned) and readies the worker to judge its submissions. */
  prepare(definition: FormDefinition): Promise<string> {
    this.prepared.set(definition.id, definition);
    return this.ask<string>({ kind: 'prepare', definition });
  }

  /** Judges a submission's JSON text (already within the form's size and shape) for a prepared form. */
  judge(form: string, text: string): Promise<Judgement> {
    return this.ask<Judgement>({ kind: 'judge', form, text });
  }

  /** Fingerprints JSON text (already within a form's size and shape) the way `judge` does, without judging it. */
  fingerprint(text: string): Promise<Fingerprinted> {
    return this.ask<Fingerprinted>({ kind: 'fingerprint', text });
  }

  /** Stops the worker (the server is closing). */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    await worker?.terminate();
  }

  private ask<T>(message: Omit<ToJudge, 'id'> & Partial<ToJudge>): Promise<T> {
    const worker = this.start();
    const id = this.next++;
    worker.ref();
    return new Promise<T>((resolve, reject) => {
      this.waiting.set(id, { resolve: resolve as (result: never) => void, reject });
      worker.postMessage({ ...message, id });
    });
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const fromSource = import.meta.url.endsWith('.ts');
    const file = new URL(fromSource ? './judge-worker.ts' : './judge-worker.js', import.meta.url);
    // Run from source (tests, `npm start`), the worker needs tsx's loader too: Node 20 does not carry `--import`
    // hooks into worker threads.
    const worker = fromSource
      ? new Worker(`import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((tsx) => { tsx.register(); return import(${JSON.stringify(file.href)}); });`, { eval: true })
      : new Worker(file);
    worker.on('message', ({ id, result, error }: { id: number; result?: unknown; error?: string }) => {
      const waiting = this.waiting.get(id);
      this.waiting.delete(id);
      if (this.waiting.size === 0) worker.unref();
      if (error !== undefined) waiting?.reject(new Error(error));
      else waiting?.resolve(result as never);
    });
    worker.on('error', (error) => this.lost(worker, error));
    worker.on('exit', (code) => this.lost(worker, new Error(`the judging worker stopped (${code})`)));
    this.worker = worker;
    // A new worker (the first, or one after a crash) learns every form prepared so far.
    for (const definition of this.prepared.values()) worker.postMessage({ id: -1, kind: 'prepare', definition } satisfies ToJudge);
    return worker;
  }

  /** The worker died: everything it was asked fails (503 to the client), and the next request starts another. */
  private lost(worker: Worker, error: Error): void {
    if (this.worker !== worker) return;
    this.worker = undefined;
    for (const { reject } of this.waiting.values()) reject(error);
    this.waiting.clear();
  }
}

/** Imports a validator module from its source. */
export async function importValidator(source: string): Promise<SchemaValidator> {
  const module = (await import(`data:text/javascript;base64,${Buffer.from(source).toString('base64')}`)) as { default: SchemaValidator };
  return module.default;
}
