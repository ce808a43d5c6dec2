/**
 * A validator module that is still arriving: the first step need not wait for it (a 5,000-field form's module is
 * 2.9 MB of script to fetch and compile), so the form starts with a stand-in that defers to the module once it is
 * here. Until then it reports nothing, and Continue and Send wait for `ready` (the element sees to that), so no
 * step is passed unchecked.
 */
import type { SchemaValidator } from '@formosa/engine';

export interface ArrivingValidator {
  readonly validator: SchemaValidator;
  /** Settles when the module is here (or has failed to load: then only rules, formats and required are checked). */
  readonly ready: Promise<void>;
  arrived(): boolean;
}

export function arrivingValidator(module: Promise<SchemaValidator | undefined>): ArrivingValidator {
  let actual: SchemaValidator | undefined;
  let arrived = false;
  const validator: SchemaValidator = (data) => {
    if (!actual) return true;
    const valid = actual(data);
    validator.errors = actual.errors;
    return valid;
  };
  const ready = module.then(
    (loaded) => {
      actual = loaded;
      arrived = true;
    },
    () => {
      arrived = true;
    },
  );
  return { validator, ready, arrived: () => arrived };
}
