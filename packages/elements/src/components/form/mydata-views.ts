/**
 * The MyData views of the form: the consent step (which data, from which agency, why; or fill in by hand), the wait
 * for the platform, and what the citizen is told after (answers filled in, or why not and the way forward). Their
 * texts come with the MyData kit (a lazy chunk), in the citizen's language.
 */
import { html, nothing } from 'lit';
import type { MyDataSpec } from '@formosa/schema';
import type { MyDataStatus } from '@formosa/session';
import type { Translator } from '@formosa/i18n';
import type { MyDataKit } from '../mydata/mydata-kit.js';
import type { MyDataTextKey } from '../mydata/mydata-texts.js';

export interface MyDataActions {
  readonly go: () => void;
  readonly byHand: () => void;
  readonly retry: () => void;
  readonly sendAsOwn: () => void;
}

/** The consent step: `subject` is the national ID field, rendered by the form. */
export function consentView(kit: MyDataKit, t: Translator, spec: MyDataSpec, title: string, subject: unknown, status: MyDataStatus | undefined, actions: MyDataActions) {
  const { say, agency, dataset } = kit.speaker(t);
  const purpose = t.text(spec.purpose);
  const going = status?.state === 'going';
  return html`<section class="consent" part="consent" aria-labelledby="consent-title">
    <h2 class="step-title" id="consent-title" tabindex="-1">${say('consentTitle')}</h2>
    <p>${say('consentIntro')}</p>
    <h3 class="consent-heading">${say('purpose', { agency: title })}</h3>
    <p lang=${t.fallbackLang(purpose) ?? nothing}>${purpose.text}</p>
    <h3 class="consent-heading">${say('datasets')}</h3>
    <ul class="datasets">
      ${spec.datasets.map((d) => {
        const why = t.text(d.why);
        return html`<li><strong>${dataset(d.resource)}</strong> · ${say('datasetFrom', { agency: agency(d.resource) })}
          <br /><span lang=${t.fallbackLang(why) ?? nothing}>${why.text}</span></li>`;
      })}
    </ul>
    ${subject}
    <p class="hint">${say('subjectHint')}</p>
    ${status?.state === 'failed' ? html`<p class="notice" role="alert">${say('failed')}</p>` : nothing}
    <div class="nav">
      <button type="button" class="primary" ?disabled=${going} aria-busy=${going ? 'true' : 'false'} @click=${actions.go}>${say('go')}</button>
      <button type="button" class="secondary" @click=${actions.byHand}>${say('byHand')}</button>
    </div>
    <p class="hint">${say('consentNote')}</p>
  </section>`;
}

/** The kind of an ending the platform (or the connector) reported, as the name of its text. */
const ENDINGS: Readonly<Record<string, MyDataTextKey>> = {
  declined: 'declined', other_person: 'otherPerson', unavailable: 'unavailable', timeout: 'timeout',
  configuration: 'configuration', bad_request: 'configuration', suspended: 'suspended',
};

/** Above a step: the wait for the platform, the answers it filled in, or why it did not and the way forward. */
export function myDataNotice(kit: MyDataKit, t: Translator, status: MyDataStatus | undefined, keepMinutes: number, actions: MyDataActions) {
  if (!status) return nothing;
  const { say, agency } = kit.speaker(t);
  const retry = html`<button type="button" class="link" @click=${actions.retry}>${say('retry')}</button>`;
  switch (status.state) {
    case 'waiting':
      return html`<div class="mydata-notice" part="mydata-notice" role="status" aria-busy="true">
        <p>${say('waiting')}</p><button type="button" class="link" @click=${actions.byHand}>${say('byHand')}</button>
      </div>`;
    case 'ready': {
      const { prefill } = status;
      const unverified = prefill.datasets.filter((d) => d.available && !d.verified);
      const missing = prefill.datasets.filter((d) => !d.available);
      return html`<div class="mydata-notice" part="mydata-notice" role="status">
        <p>${say('prefilled', { count: Object.keys(prefill.values).length })}</p>
        ${unverified.map((d) => html`<p>${say('notVerified', { agency: agency(d.resource) })}</p>`)}
        ${missing.map((d) => html`<p>${say('unavailable', { agency: agency(d.resource) })}</p>`)}
        ${prefill.problems.length ? html`<p>${say('unmapped')}</p>` : nothing}
      </div>`;
    }
    case 'failed':
      return html`<div class="mydata-notice" part="mydata-notice" role="alert">
        <p>${say(ENDINGS[status.kind] ?? 'failed', { agency: (kit.offer?.datasets ?? []).map((d) => agency(d.resource)).join(', ') })}</p>${retry}
      </div>`;
    case 'expired':
      return html`<div class="mydata-notice" part="mydata-notice" role="alert"><p>${say('expired', { minutes: keepMinutes })}</p>${retry}</div>`;
    default:
      return nothing;
  }
}

/** At the review: the server refused the MyData answers (the check expired, or a value was changed). */
export function sealNotice(kit: MyDataKit, t: Translator, code: string | undefined, actions: MyDataActions) {
  if (code !== 'mydata_expired' && code !== 'mydata_tampered') return nothing;
  const { say } = kit.speaker(t);
  return html`<div class="mydata-notice" part="mydata-notice" role="alert">
    <p>${say(code === 'mydata_expired' ? 'sealExpired' : 'tampered')}</p>
    <div class="nav">
      <button type="button" class="primary" @click=${actions.retry}>${say('retry')}</button>
      ${code === 'mydata_expired' ? html`<button type="button" class="secondary" @click=${actions.sendAsOwn}>${say('sendAsOwn')}</button>` : nothing}
    </div>
  </div>`;
}
