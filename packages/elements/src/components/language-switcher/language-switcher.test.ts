import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../define.js';
import type { FormosaLanguageSwitcher } from './language-switcher.js';
import { FormosaLocaleChangeEvent } from '../../internal/events.js';
import '../../internal/clean-device.test-helper.js';

describe('formosa-language-switcher', () => {
  it('as a drop-down (for phones): one labelled control, each language named in itself, switching its form', async () => {
    const host = await fixture<HTMLDivElement>(html`<div>
      <formosa-language-switcher for="f" value="zh-Hant-TW" variant="select"></formosa-language-switcher>
      <formosa-form id="f"></formosa-form>
    </div>`);
    const switcher = host.querySelector<FormosaLanguageSwitcher>('formosa-language-switcher')!;
    await switcher.updateComplete;
    const select = switcher.shadowRoot!.querySelector('select')!;
    expect(switcher.shadowRoot!.querySelector('label')!.htmlFor).to.equal(select.id);
    expect([...select.options].map((o) => [o.value, o.lang, o.textContent])).to.deep.include.members([['vi', 'vi', 'Tiếng Việt'], ['zh-Hant-TW', 'zh-Hant-TW', '繁體中文']]);
    expect(select.value).to.equal('zh-Hant-TW');
    const changed = oneEvent(switcher, FormosaLocaleChangeEvent.type);
    select.value = 'vi';
    select.dispatchEvent(new Event('change'));
    expect(((await changed) as unknown as FormosaLocaleChangeEvent).locale).to.equal('vi');
    expect((host.querySelector('formosa-form') as HTMLElement & { locale?: string }).locale).to.equal('vi');
    await expect(switcher).to.be.accessible();
  });
});
