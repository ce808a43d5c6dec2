/** Registers a custom element once: a page that loads the SDK twice does not throw. */
export function defineElement(name: string, constructor: CustomElementConstructor): void {
  if (!customElements.get(name)) customElements.define(name, constructor);
}
