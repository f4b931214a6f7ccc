/** A piece of island state that survives a reload of the page (lib/drafts.ts). */
import { useState } from 'preact/hooks';
import { clearDraft, loadDraft, saveDraft } from '../lib/drafts';

export interface Draft<T> {
  value: T;
  /** True when the value came back from before a reload. */
  restored: boolean;
  set(value: T): void;
  clear(): void;
}

export function useDraft<T>(field: string, initial: T, isValid: (v: unknown) => v is T): Draft<T> {
  const [state, setState] = useState(() => {
    const saved = loadDraft(field, isValid);
    return { value: saved ?? initial, restored: saved !== undefined };
  });
  return {
    ...state,
    set(value) {
      saveDraft(field, value);
      setState({ value, restored: false });
    },
    clear() {
      clearDraft(field);
    },
  };
}
