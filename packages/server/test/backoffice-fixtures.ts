/** What the back office's tests share: tokens granted in a server's store, applications sent with a lease over HTTP. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { FormEngine } from '@formosa/engine';
import type { Attachment } from '@formosa/schema';
import type { RunningServer } from '@formosa/server';
import { newToken, type Scope } from '../src/backoffice/tokens.js';
import { answers, example, fixtureFile } from '../../../examples/fixtures.js';

export const FORMS_DIR = new URL('../../../examples/forms', import.meta.url).pathname;

/** A token's text, its record saved in the server's store. */
export async function grant(server: RunningServer, scopes: readonly Scope[], forms: string[], more: { expiresAt?: string } = {}): Promise<string> {
  const { text, stored } = newToken({ holder: `${scopes.join('+')} on ${forms.join('+')}`, scopes, forms, ...more }, new Date());
  await server.store.backoffice.saveToken(stored);
  return text;
}

/** Uploads the lease fixture to the rent-subsidy form. */
export async function uploadLease(server: RunningServer): Promise<Attachment> {
  const res = await fetch(`${server.url}/api/forms/rent-subsidy/attachments?field=%2Frental%2FleaseCopy`, {
    method: 'POST', headers: { 'content-type': 'application/pdf', 'x-formosa-filename': encodeURIComponent('租約.pdf') }, body: new Uint8Array(readFileSync(fixtureFile('@file:lease.pdf')!)),
  });
  assert.equal(res.status, 201);
  return (await res.json()) as Attachment;
}

/** Sends a valid rent-subsidy application with its own lease, at this street; its 201 answer and the lease's id. */
export async function submitApplication(server: RunningServer, street: string): Promise<{ id: string; receipt: string; secret: string; file: string }> {
  const lease = await uploadLease(server);
  const engine = new FormEngine(example('rent-subsidy'));
  const data = engine.data(answers('rent-subsidy', () => lease).reduce((s, [path, value]) => engine.change(s, path, value), engine.init())) as { rental: { address: Record<string, unknown> } };
  data.rental.address['street'] = street;
  const res = await fetch(`${server.url}/api/forms/rent-subsidy/submissions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(data) });
  assert.equal(res.status, 201, await res.clone().text());
  return { ...((await res.json()) as { id: string; receipt: string; secret: string }), file: lease.id };
}
