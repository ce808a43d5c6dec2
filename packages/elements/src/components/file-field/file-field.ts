import { css, html, nothing } from 'lit';
import type { Attachment } from '@formosa/schema';
import { FormosaField, noteStyles } from '../../internal/field.js';
import { fieldStyles, focusRing, tokens, visuallyHidden } from '../../internal/styles.js';

/** Uploads one file and resolves with its reference; the form provides it (see `@formosa/transport`). */
export type Uploader = (file: File) => Promise<Attachment>;
/** Deletes a file the citizen removed (best effort: the agency's retention sweep deletes it otherwise). */
export type Remover = (attachment: Attachment) => Promise<unknown>;

/** Texts of the file field, in the citizen's language (the form provides them). */
export interface FileFieldTexts {
  readonly choose: string;
  readonly remove: (name: string) => string;
  readonly uploading: (name: string) => string;
  readonly uploaded: (name: string) => string;
  readonly size: (bytes: number) => string;
  /** The messages for a file refused before upload, or an upload that failed. */
  readonly wrongType: string;
  readonly tooLarge: string;
  readonly failed: string;
}

const DEFAULT_TEXTS: FileFieldTexts = {
  choose: 'Choose a file',
  remove: (name) => `Remove ${name}`,
  uploading: (name) => `Uploading ${name}…`,
  uploaded: (name) => `${name} uploaded`,
  size: (bytes) => `${Math.ceil(bytes / 1024)} KB`,
  wrongType: 'This type of file is not accepted',
  tooLarge: 'The file is too large',
  failed: 'The file could not be uploaded. Try again',
};

/**
 * File upload: chosen files are checked (type, size) and uploaded at once; each shows a preview (images) with its
 * name, size and a Remove button. On phones `capture` offers the camera. The value is the list of uploads.
 * @summary File upload with type and size limits, camera capture, preview and remove; form-associated.
 * @csspart input - The file input (styled as a button).
 * @csspart list - The uploaded files (read-only: in the tab order, described by the lock reason and provenance).
 * @event formosa-input - When the list of uploads changes.
 * @example
 * <formosa-file-field name="lease" label="租賃契約影本" .accept=${['image/jpeg', 'application/pdf']} max-size="10485760" capture="environment"></formosa-file-field>
 */
export class FormosaFileField extends FormosaField {
  static override styles = [
    tokens,
    fieldStyles,
    visuallyHidden,
    focusRing,
    noteStyles,
    css`
      .chooser {
        position: relative;
        display: inline-block;
      }
      .chooser input {
        position: absolute;
        inset: 0;
        width: 100%;
        height: 100%;
        opacity: 0;
        cursor: pointer;
      }
      .chooser span {
        display: inline-flex;
        align-items: center;
        min-height: var(--_input-height);
        padding: 0.5rem 1.25rem;
        background: var(--_surface);
        border: 2px solid var(--_border);
        font-weight: 700;
      }
      .chooser input:focus-visible + span {
        outline: 3px solid var(--_focus);
        box-shadow: inset 0 0 0 2px var(--_text);
      }
      ul {
        list-style: none;
        padding: 0;
        margin: 0 0 var(--_space);
      }
      li {
        display: flex;
        align-items: center;
        gap: 0.75rem;
        padding-block: 0.5rem;
        border-block-end: 1px solid #b1b4b6;
      }
      li img,
      .icon {
        width: 4rem;
        height: 4rem;
        object-fit: cover;
        flex: none;
        display: grid;
        place-items: center;
        background: var(--_surface);
        font-size: 0.8em;
        font-weight: 700;
      }
      .name {
        flex: 1;
        overflow-wrap: anywhere;
      }
      button {
        font: inherit;
        color: var(--_primary);
        background: none;
        border: 0;
        min-height: 1.5rem;
        text-decoration: underline;
        cursor: pointer;
      }
      @media (forced-colors: active) {
        .chooser span {
          border-color: ButtonText;
        }
      }
    `,
  ];
  static override properties = {
    ...FormosaField.properties,
    value: { attribute: false },
    accept: { attribute: false },
    maxSize: { type: Number, attribute: 'max-size' },
    maxFiles: { type: Number, attribute: 'max-files' },
    capture: {},
    uploader: { attribute: false },
    remover: { attribute: false },
    texts: { attribute: false },
    status: { state: true },
  };

  declare value: readonly Attachment[];
  /** Accepted MIME types; empty accepts any. */
  declare accept: readonly string[];
  declare maxSize: number | undefined;
  declare maxFiles: number;
  /** `environment` or `user`: offer the camera on phones. */
  declare capture: 'user' | 'environment' | undefined;
  declare uploader: Uploader | undefined;
  /** Called with a file the citizen removed, to delete it where it was uploaded. */
  declare remover: Remover | undefined;
  declare texts: FileFieldTexts;
  declare protected status: string;

  constructor() {
    super();
    this.value = [];
    this.accept = [];
    this.maxFiles = 1;
    this.texts = DEFAULT_TEXTS;
    this.status = '';
  }

  protected get anchor(): HTMLElement | null {
    return this.renderRoot?.querySelector('input') ?? null;
  }
  protected get formValue(): string | null {
    return this.value.length ? this.value.map((a) => a.id).join(',') : null;
  }
  /** The attachments themselves (names, types, sizes), so a restored field shows them, not only their ids. */
  protected override get formState(): string | null {
    return this.value.length ? JSON.stringify(this.value) : null;
  }
  protected override get defaultState(): null {
    return null;
  }
  protected applyState(state: string | null): void {
    this.value = state ? (JSON.parse(state) as Attachment[]) : [];
  }

  private set(value: readonly Attachment[]): void {
    this.value = value;
    this.emitInput(value);
    this.emitChange(value);
  }

  private async onFiles(event: Event): Promise<void> {
    const input = event.target as HTMLInputElement;
    const hadFocus = this.matches(':focus-within');
    const files = [...(input.files ?? [])].slice(0, Math.max(0, this.maxFiles - this.value.length));
    input.value = '';
    for (const file of files) {
      if (this.accept.length && !this.accept.includes(file.type)) {
        this.error = this.texts.wrongType;
        continue;
      }
      if (this.maxSize && file.size > this.maxSize) {
        this.error = this.texts.tooLarge;
        continue;
      }
      if (!this.uploader) continue;
      this.status = this.texts.uploading(file.name);
      try {
        const attachment = await this.uploader(file);
        this.error = '';
        this.set([...this.value, attachment]);
        this.status = this.texts.uploaded(file.name);
        // The chooser goes once the field is full; focus moves to the new file's Remove, not to the page's top.
        if (hadFocus && this.value.length >= this.maxFiles) void this.updateComplete.then(() => [...this.renderRoot.querySelectorAll<HTMLElement>('li button')].at(-1)?.focus());
      } catch {
        this.error = this.texts.failed;
        this.status = '';
      }
    }
  }

  private removeFile(index: number): void {
    const removed = this.value[index];
    this.set(this.value.filter((_, i) => i !== index));
    if (removed && this.remover) void this.remover(removed).catch(() => undefined);
    this.status = '';
    // Focus goes back to the file chooser, not to the top of the page.
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('input')?.focus());
  }

  override render() {
    // Read-only: the list alone, in the tab order and described (no chooser, no Remove).
    const { readonly } = this;
    const full = readonly || this.value.length >= this.maxFiles;
    return html`<div part="field" class="field ${this.error ? 'field--error' : ''}">
      <label id="label" for="input" part="label">${this.renderLabelText()}</label>
      ${this.renderNotes()} ${this.renderError()}
      ${this.value.length
        ? html`<ul part="list" tabindex=${readonly ? 0 : nothing} aria-labelledby=${readonly ? 'label' : nothing} aria-describedby=${readonly ? this.describedBy() : nothing}>
            ${this.value.map(
              (file, i) => html`<li>
                ${file.type.startsWith('image/') && file.url
                  ? html`<img src=${file.url} alt="" />`
                  : html`<span class="icon" aria-hidden="true">${(file.name.split('.').pop() ?? '').toUpperCase().slice(0, 4)}</span>`}
                <span class="name">${file.name} <span class="hint">(${this.texts.size(file.size)})</span></span>
                ${readonly ? nothing : html`<button type="button" ?disabled=${this.isDisabled} @click=${() => this.removeFile(i)}>${this.texts.remove(file.name)}</button>`}
              </li>`,
            )}
          </ul>`
        : nothing}
      ${full
        ? nothing
        : html`<span class="chooser">
            <input
              id="input"
              part="input"
              type="file"
              accept=${this.accept.length ? this.accept.join(',') : nothing}
              capture=${this.capture ?? nothing}
              ?multiple=${this.maxFiles - this.value.length > 1}
              ?required=${this.required && this.value.length === 0}
              ?disabled=${this.isDisabled}
              aria-invalid=${this.error ? 'true' : nothing}
              aria-describedby=${this.describedBy()}
              @change=${this.onFiles}
            /><span aria-hidden="true">${this.texts.choose}</span>
          </span>`}
      <p class="visually-hidden" role="status">${this.status}</p>
    </div>`;
  }
}
