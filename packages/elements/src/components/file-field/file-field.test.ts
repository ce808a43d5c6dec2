import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { Attachment } from '@formosa/schema';
import '../../define.js';
import type { FormosaFileField } from './file-field.js';

/** The element focused now, looking inside shadow roots. */
function deepActive(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** Chooses a file in the field's (focused) chooser, as the browser's file dialog does. */
function choose(field: FormosaFileField, name: string): void {
  const input = field.shadowRoot!.querySelector<HTMLInputElement>('input[type=file]')!;
  const files = new DataTransfer();
  files.items.add(new File(['%PDF-1.4'], name, { type: 'application/pdf' }));
  input.files = files.files;
  input.dispatchEvent(new Event('change'));
}

describe('formosa-file-field', () => {
  it('a one-file field: focus moves to Remove when the chooser goes, and back to the chooser on Remove, which deletes the file', async () => {
    const removed: Attachment[] = [];
    const field = await fixture<FormosaFileField>(html`<formosa-file-field name="id" label="身分證影本" max-files="1"></formosa-file-field>`);
    field.uploader = async (file) => ({ id: `local-${file.name}`, name: file.name, type: file.type, size: file.size, url: `/files/${file.name}` });
    field.remover = async (attachment) => void removed.push(attachment);
    field.shadowRoot!.querySelector<HTMLInputElement>('input[type=file]')!.focus();
    choose(field, 'front.pdf');
    await waitUntil(() => field.value.length === 1 && deepActive()?.tagName === 'BUTTON', 'focus on Remove');
    expect(field.shadowRoot!.querySelector('input[type=file]'), 'the chooser is gone: the field is full').to.equal(null);

    await sendKeys({ press: 'Enter' });
    await waitUntil(() => (deepActive() as HTMLInputElement | null)?.type === 'file', 'focus back on the chooser');
    expect(field.value).to.deep.equal([]);
    expect(removed.map((a) => a.id)).to.deep.equal(['local-front.pdf']);
  });

  it('a failed delete changes nothing for the citizen: the file is off the list', async () => {
    const field = await fixture<FormosaFileField>(
      html`<formosa-file-field name="id" label="身分證影本" max-files="2" .value=${[{ id: 'a', name: 'a.pdf', type: 'application/pdf', size: 1 }]}></formosa-file-field>`,
    );
    field.remover = () => Promise.reject(new Error('offline'));
    field.shadowRoot!.querySelector<HTMLButtonElement>('li button')!.click();
    await field.updateComplete;
    expect(field.value).to.deep.equal([]);
    expect(field.error).to.equal('');
  });
});
