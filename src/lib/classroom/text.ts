/**
 * Rules for the few free texts that travel between a teacher's and a pupil's
 * devices (class name, message, display name). Whatever arrives is shown as
 * text, never as markup; these rules also refuse what could mislead the reader
 * (invisible and direction-changing characters) or has no place in a name.
 */
/** Control characters, bidirectional overrides and isolates, zero-width characters, and angle brackets. */
const FORBIDDEN = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff<>]/;

export type TextProblem = 'empty' | 'too-long' | 'characters';

export function checkText(value: string, max: number, { optional = false } = {}): TextProblem | null {
  const text = value.trim();
  if (!text) return optional ? null : 'empty';
  if ([...text].length > max) return 'too-long';
  if (FORBIDDEN.test(text)) return 'characters';
  return null;
}

export const LIMITS = { className: 60, message: 280, displayName: 40 } as const;

/** Crockford's base32: no I, L, O or U, so that a code read aloud or typed is hard to get wrong. */
export const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A random id of `length` Crockford characters (40 bits for 8). */
export function randomId(length = 8): string {
  const bytes = crypto.getRandomValues(new Uint8Array(length));
  return Array.from(bytes, (b) => CROCKFORD[b & 31]).join('');
}

export const ID_PATTERN = /^[0-9A-HJKMNP-TV-Z]{8}$/;
