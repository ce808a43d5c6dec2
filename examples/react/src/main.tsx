import { createRoot } from 'react-dom/client';
import { App } from './App.js';

// React 19 sets a prop as a property only when the element already has it: render once <formosa-form> is defined
// (by the drop-in script, which runs first), so `values` arrives as an object, not as the attribute "[object Object]".
await customElements.whenDefined('formosa-form');
createRoot(document.getElementById('app')!).render(<App />);
