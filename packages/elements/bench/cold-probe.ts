/**
 * Loaded first by every page of the cold benchmark (Formosa's and the reference pages alike): resolves
 * `window.firstStepInteractive` with the time since navigation at which the first step is interactive — every input
 * of the step present (and, for a form, its title in the asked language), then two animation frames.
 * The page names what it expects on `<html>`: `data-fields` (inputs of the first step), `data-title` (its title).
 */
const expected = Number(document.documentElement.dataset['fields']);
const title = document.documentElement.dataset['title'];
const frame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));
const hasControl = (host: Element) => (host.shadowRoot ?? host).querySelector('input, select, textarea') !== null;

function ready(): boolean {
  const form = document.querySelector('formosa-form');
  if (!form) {
    // A reference page: its fields are in the document (a hand-written Lit field renders its control a moment later).
    const fields = document.querySelectorAll('[data-field]');
    return fields.length >= expected && [...fields].filter(hasControl).length >= expected;
  }
  const root = form.shadowRoot;
  if (!root || root.querySelector('.step-title')?.textContent?.trim() !== title) return false;
  // The cheap count first; the walk into every field's shadow root only once the count is there.
  const hosts = root.querySelectorAll('[data-path]');
  return hosts.length >= expected && [...hosts].filter(hasControl).length >= expected;
}

(window as unknown as { firstStepInteractive: Promise<number> }).firstStepInteractive = (async () => {
  // Checked once a frame, as a page would see it: just before each rendering.
  while (!ready()) await frame();
  await frame();
  await frame();
  return performance.now();
})();
