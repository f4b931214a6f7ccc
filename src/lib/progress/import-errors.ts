/** Every reason an import can be refused; each has a message import.error.<reason> in every language. */
import type { ImportError } from './import-flow';

export const IMPORT_ERRORS: readonly ImportError[] = [
  'empty',
  'too-large',
  'not-json',
  'not-progress',
  'future-version',
  'unknown-version',
  'checksum',
  'unsafe',
  'invalid',
  'code-damaged',
  'code-unsupported',
  'code-too-large',
  'code-mixed',
  'quota',
  'failed',
];
