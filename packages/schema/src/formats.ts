/**
 * The JSON Schema `format` values Formosa understands. The engine checks each one (Taiwan
 * checksums included) identically in the browser and on the server; any other format is a definition error.
 */
export const KNOWN_FORMATS = [
  'date',
  'email',
  'tw-national-id',
  'tw-resident-id',
  'tw-person-id',
  'tw-business-id',
  'tw-mobile',
  'tw-phone',
  'tw-bank-account',
] as const;

export type KnownFormat = (typeof KNOWN_FORMATS)[number];
