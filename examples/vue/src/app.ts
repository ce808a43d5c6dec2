// The script part of App.vue, in a .ts file of its own so that tsc checks it (the template needs vue-tsc).
import { computed, defineComponent, ref, watchEffect } from 'vue';
import type { FormosaFormVueProps } from '@formosa/elements/vue';
import { LOCALES, TEXTS, type Locale } from './texts.js';

const API = import.meta.env.FORMOSA_API;
const FORM = 'rent-subsidy';

/** Who signed in to the agency's site: the form starts from what the agency already knows. */
const SIGNED_IN = { name: '林小美', nationalId: 'A123456789' };

// A plain object, set once (not reactive: the element would get a proxy). The form merges every new `values` it is
// given into the answers, so a new object on each render would put back a name the citizen corrected.
const PREFILL: FormosaFormVueProps['values'] = { applicant: { name: SIGNED_IN.name, nationalId: SIGNED_IN.nationalId } };

export default defineComponent({
  name: 'App',
  setup() {
    const locale = ref<Locale>('zh-Hant-TW');
    const stage = ref<string>();
    const receipt = ref<string>();
    const texts = computed(() => TEXTS[locale.value]);
    // Typed by the generated typings (the template that binds them to @formosa-step-change and @formosa-submit is not).
    const onStepChange: NonNullable<FormosaFormVueProps['onFormosaStepChange']> = (event) => (stage.value = event.to);
    const onSubmit: NonNullable<FormosaFormVueProps['onFormosaSubmit']> = (event) => (receipt.value = event.receipt.receipt);
    watchEffect(() => {
      document.documentElement.lang = locale.value;
      document.title = `${texts.value.heading} — ${texts.value.office}`;
    });
    return {
      src: `${API}/api/forms/${FORM}`,
      validatorSrc: `${API}/api/forms/${FORM}/validator.js`,
      locales: LOCALES,
      signedIn: SIGNED_IN,
      prefill: PREFILL,
      locale,
      stage,
      receipt,
      texts,
      onStepChange,
      onSubmit,
    };
  },
});
