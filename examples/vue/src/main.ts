import { createApp } from 'vue';
import App from './App.vue';

// Vue sets a binding as a property only when the element already has it: mount once <formosa-form> is defined (by
// the drop-in script, which runs first), so `locale` and `mydata` arrive as properties too.
await customElements.whenDefined('formosa-form');
createApp(App).mount('#app');
