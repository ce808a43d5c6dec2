/** The base of fields whose answer is one of a list of choices (select, radio group). */
import { FormosaField, type FieldChoice } from './field.js';

export abstract class FormosaChoiceField extends FormosaField {
  static override properties = { ...FormosaField.properties, value: {}, options: { attribute: false } };

  /** The chosen option's value (any JSON scalar), or undefined. */
  declare value: unknown;
  declare options: readonly FieldChoice[];

  constructor() {
    super();
    this.options = [];
  }

  /** Index of the chosen option, or -1. */
  protected get selectedIndex(): number {
    return this.options.findIndex((o) => o.value === this.value);
  }
  protected get formValue(): string | null {
    return this.selectedIndex < 0 ? null : String(this.value);
  }
  /** The option whose value reads as the state; a state no option has yet is kept as text (options set later). */
  protected applyState(state: string | null): void {
    this.value = this.options.find((o) => String(o.value) === state)?.value ?? state ?? undefined;
  }

  /** The choices as elements, made once per list (see choiceNodes). */
  private made?: { readonly of: readonly FieldChoice[]; readonly nodes: DocumentFragment; readonly controls: readonly HTMLElement[] };

  /**
   * The choices as elements, made by `make` once per list of options: a template per choice was most of a cold
   * start's work for a long list (the banks) and two more templates per yes/no question. Lit inserts the fragment once;
   * the same fragment on the next render leaves the choices as they are, so their state is set after each update.
   */
  protected choiceNodes(make: (choice: FieldChoice, index: number) => { readonly node: Node; readonly control: HTMLElement }): DocumentFragment {
    if (this.made?.of !== this.options) {
      const nodes = document.createDocumentFragment();
      const controls = this.options.map((choice, i) => {
        const { node, control } = make(choice, i);
        nodes.append(node);
        return control;
      });
      this.made = { of: this.options, nodes, controls };
    }
    return this.made.nodes;
  }

  /** The element of each choice, as `choiceNodes` made them (none before the first render). */
  protected get choiceControls(): readonly HTMLElement[] {
    return this.made?.controls ?? [];
  }

  /** The citizen chose option `index` (or none, for -1). */
  protected choose(index: number): void {
    this.value = index >= 0 ? this.options[index]?.value : undefined;
    this.emitInput(this.value);
    this.emitChange(this.value);
  }
}
