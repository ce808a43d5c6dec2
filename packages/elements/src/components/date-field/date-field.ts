import { css, html, nothing, type PropertyValues } from 'lit';
import { live } from 'lit/directives/live.js';
import { ROC_OFFSET, toHalfWidth } from '@formosa/engine';
import { FormosaTextField } from '../text-field/text-field.js';

/** The three boxes of a date entered in parts, as typed. */
interface Parts {
  year: string;
  month: string;
  day: string;
}

const pad = (part: string) => (/^\d$/.test(part) ? `0${part}` : part);

/**
 * A date field. The value is always an ISO 8601 date (YYYY-MM-DD). With `calendar="roc"` (or `entry="parts"`)
 * the date is entered as year, month and day boxes (GOV.UK's pattern for dates people know), the year in
 * 民國 years: 民國 113 年 5 月 2 日 is stored as 2024-05-02 and shown back the same way. An incomplete
 * entry is kept as typed (e.g. `2024--02`), so the engine can say what is missing.
 * @summary Date field: the browser's picker, or year/month/day boxes in the Gregorian or ROC calendar.
 * @csspart input - The native date input (picker) or each box (parts).
 * @event formosa-input - On every keystroke, with the ISO (or partial) value.
 * @example
 * <formosa-date-field name="birthDate" label="出生日期" calendar="roc" year-label="民國年" month-label="月" day-label="日"></formosa-date-field>
 */
export class FormosaDateField extends FormosaTextField {
  static override styles = [
    ...FormosaTextField.styles,
    css`
      /* Each part is as wide as its box and a long label (Năm Dân Quốc) wraps inside it, so the boxes stay on one
         line wherever three boxes fit (a phone, a household member); only narrower than that do they wrap. */
      .parts {
        display: flex;
        flex-wrap: wrap;
        gap: 0.75rem;
        align-items: flex-end;
      }
      .part {
        width: 3.75em;
        flex: none;
      }
      .part.year {
        width: 5em;
      }
      .part label {
        font-weight: 400;
        overflow-wrap: anywhere;
      }
      .part input {
        width: 100%;
      }
    `,
  ];
  static override properties = {
    ...FormosaTextField.properties,
    calendar: {},
    entry: {},
    yearLabel: { attribute: 'year-label' },
    monthLabel: { attribute: 'month-label' },
    dayLabel: { attribute: 'day-label' },
  };

  /** ISO 8601 date; while an entry in parts is incomplete, the parts as typed (`2024--02`). */
  declare value: string;
  /** `gregorian` (default) or `roc` (民國 years, entered in parts). */
  declare calendar: 'gregorian' | 'roc';
  /** `picker` (the browser's date input, the default for Gregorian dates) or `parts`. */
  declare entry: 'picker' | 'parts' | undefined;
  declare yearLabel: string;
  declare monthLabel: string;
  declare dayLabel: string;

  private parts: Parts = { year: '', month: '', day: '' };

  constructor() {
    super();
    this.calendar = 'gregorian';
    this.yearLabel = 'Year';
    this.monthLabel = 'Month';
    this.dayLabel = 'Day';
  }

  private get inParts(): boolean {
    return this.calendar === 'roc' || this.entry === 'parts';
  }

  /** The browser's date picker: the text field's input, as `type="date"`. */
  protected override nativeType(): string {
    return 'date';
  }
  protected override get formValue(): string | null {
    return /^\d{4}-\d{2}-\d{2}$/.test(this.value ?? '') ? this.value : null;
  }

  /** The value the parts stand for: an ISO date when complete, else the parts as typed. */
  private compose(parts: Parts): string {
    const [year, month, day] = [parts.year, parts.month, parts.day].map((p) => toHalfWidth(p).trim());
    if (!year && !month && !day) return '';
    const gregorian = this.calendar === 'roc' && /^\d{1,4}$/.test(year!) ? String(Number(year) + ROC_OFFSET).padStart(4, '0') : year;
    return `${gregorian}-${pad(month!)}-${pad(day!)}`;
  }

  /** The parts a value shows as (the inverse of compose for what compose produces). */
  private decompose(value: string): Parts {
    const match = /^(\d*)-(\d*)-(\d*)$/.exec(value ?? '');
    if (!match) return { year: '', month: '', day: '' };
    const [, year, month, day] = match as unknown as [string, string, string, string];
    const shownYear = this.calendar === 'roc' && /^\d{4}$/.test(year) ? String(Number(year) - ROC_OFFSET) : year;
    return { year: shownYear, month: month.replace(/^0(?=\d)/, ''), day: day.replace(/^0(?=\d)/, '') };
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    // A value set from outside (a restored draft, a prefill) shows in the boxes; what the citizen types stays as typed.
    if ((changed.has('value') || changed.has('calendar')) && this.compose(this.parts) !== this.value) this.parts = this.decompose(this.value);
  }

  /** A box's input: its id names the part. */
  private onPart(event: Event): void {
    const box = event.target as HTMLInputElement;
    this.parts = { ...this.parts, [box.id as keyof Parts]: box.value };
    this.value = this.compose(this.parts);
    this.emitInput(this.value);
  }

  /** Any box committed: the date is. */
  private onPartChange(): void {
    this.emitChange(this.value);
  }

  override render() {
    return this.inParts ? this.renderParts() : super.render();
  }

  private renderParts() {
    // The three boxes are written out in one template (a template per box was three more to clone per date field).
    const autocomplete = (part: string) => (this.autocomplete === 'bday' && this.calendar !== 'roc' ? part : nothing);
    const invalid = this.error ? 'true' : nothing;
    return html`<fieldset part="field" class="field ${this.error ? 'field--error' : ''}" role="group" aria-describedby=${this.describedBy()}
      @change=${this.onPartChange}>
      <legend part="label">${this.renderLabelText()}</legend>
      ${this.renderNotes()} ${this.renderError()}
      <div class="parts">
        <div class="part year"><label for="year">${this.yearLabel}</label><input id="year" part="input" inputmode="numeric" spellcheck="false"
          autocomplete=${autocomplete('bday-year')} .value=${live(this.parts.year)} ?required=${this.required} ?disabled=${this.isDisabled} ?readonly=${this.readonly}
          aria-invalid=${invalid} @input=${this.onPart} /></div>
        <div class="part month"><label for="month">${this.monthLabel}</label><input id="month" part="input" inputmode="numeric" spellcheck="false"
          autocomplete=${autocomplete('bday-month')} .value=${live(this.parts.month)} ?required=${this.required} ?disabled=${this.isDisabled} ?readonly=${this.readonly}
          aria-invalid=${invalid} @input=${this.onPart} /></div>
        <div class="part day"><label for="day">${this.dayLabel}</label><input id="day" part="input" inputmode="numeric" spellcheck="false"
          autocomplete=${autocomplete('bday-day')} .value=${live(this.parts.day)} ?required=${this.required} ?disabled=${this.isDisabled} ?readonly=${this.readonly}
          aria-invalid=${invalid} @input=${this.onPart} /></div>
      </div>
    </fieldset>`;
  }
}
