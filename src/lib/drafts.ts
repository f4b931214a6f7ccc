/**
 * Drafts: what the learner has typed or picked but not yet checked, kept in
 * this tab's sessionStorage so that a reload (installing a new version of the
 * course, a crash, a slip of the finger) does not lose it. Keyed by page and
 * field; cleared once the answer is checked. Nothing here is sent anywhere.
 */
const PREFIX = 'ai4b-draft:';

function storage(): Storage | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    return null; // blocked site data
  }
}

const keyFor = (field: string) =>
  `${PREFIX}${typeof location === 'undefined' ? '' : location.pathname}#${field}`;

export function loadDraft<T>(field: string, isValid: (v: unknown) => v is T): T | undefined {
  try {
    const raw = storage()?.getItem(keyFor(field));
    if (raw == null) return undefined;
    const value: unknown = JSON.parse(raw);
    return isValid(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

export function saveDraft(field: string, value: unknown): void {
  try {
    storage()?.setItem(keyFor(field), JSON.stringify(value));
  } catch {
    // Full or blocked: the draft is only a convenience.
  }
}

export function clearDraft(field: string): void {
  try {
    storage()?.removeItem(keyFor(field));
  } catch {
    // as above
  }
}
