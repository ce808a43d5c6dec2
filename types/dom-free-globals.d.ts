// The web-platform globals the DOM-free packages (schema, engine, workflow, session) and what they import
// (transport) rely on: each exists in Node ≥ 20 and in every supported browser, so these packages run in both.
// Only tsconfig.dom-free.json reads this file (the main tsconfig has the DOM's full types); it declares just
// the members used, so a new use of a DOM- or Node-only API fails the check until it is added here on purpose.
/* eslint-disable no-var -- a global is a property of globalThis (read as globalThis.crypto) only when declared with var */

interface AbortSignal {
  readonly aborted: boolean;
  readonly reason: unknown;
  addEventListener(type: 'abort', listener: () => void, options?: { once?: boolean }): void;
  removeEventListener(type: 'abort', listener: () => void): void;
}
declare var AbortSignal: { timeout(ms: number): AbortSignal; any(signals: AbortSignal[]): AbortSignal };

interface Blob {
  readonly size: number;
  readonly type: string;
}
declare var Blob: { new (parts?: readonly (Blob | ArrayBuffer | ArrayBufferView | string)[], options?: { type?: string }): Blob };
interface File extends Blob {
  readonly name: string;
  readonly lastModified: number;
}
declare var File: { new (parts: readonly (Blob | ArrayBuffer | ArrayBufferView | string)[], name: string, options?: { type?: string; lastModified?: number }): File };

interface Headers {
  get(name: string): string | null;
}
interface Response {
  readonly ok: boolean;
  readonly status: number;
  readonly headers: Headers;
  json(): Promise<unknown>;
}
interface RequestInit {
  method?: string;
  headers?: Record<string, string>;
  body?: string | Blob;
  signal?: AbortSignal;
  credentials?: 'omit' | 'same-origin' | 'include';
  keepalive?: boolean;
}
declare function fetch(input: string, init?: RequestInit): Promise<Response>;

interface URLSearchParams {
  set(name: string, value: string): void;
}
interface URL {
  readonly href: string;
  readonly searchParams: URLSearchParams;
}
declare var URL: { new (url: string, base?: string | URL): URL };

declare function structuredClone<T>(value: T): T;
declare function setTimeout(callback: () => void, ms?: number): unknown;
declare function clearTimeout(handle: unknown): void;
declare var crypto: { randomUUID(): string };
/** A page's address; absent in Node (read as `globalThis.location?.href`). */
declare var location: { readonly href: string } | undefined;
