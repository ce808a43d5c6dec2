/** A file field's texts in the citizen's language, its accepted types and size limit spelt out. */
import type { FieldItem } from '@formosa/schema';
import type { Translator } from '@formosa/i18n';
import type { FileFieldTexts } from '../file-field/file-field.js';

/** The accepted types ("JPG, PNG or PDF") and size limit ("10 MB") of a file field, for its messages. */
export function fileParams(t: Translator, field: FieldItem): { types: string; size: string } {
  const names = (field.accept ?? []).map((type) => ({ 'image/jpeg': 'JPG', 'application/pdf': 'PDF' })[type] ?? type.split('/')[1]!.toUpperCase());
  return { types: t.list(names, 'disjunction'), size: field.maxSize ? t.fileSize(field.maxSize) : '' };
}

export function fileTexts(t: Translator, field: FieldItem, label: string): FileFieldTexts {
  const limits = fileParams(t, field);
  return {
    choose: t.message('file.choose'),
    remove: (name) => t.message('file.remove', { name }),
    uploading: (name) => t.message('file.uploading', { name }),
    uploaded: (name) => t.message('file.uploaded', { name }),
    size: (bytes) => t.fileSize(bytes),
    wrongType: t.message('error.fileType', { label, ...limits }),
    tooLarge: t.message('error.fileSize', { label, ...limits }),
    failed: t.message('error.upload', { label }),
  };
}
