/**
 * Asking the browser to keep the course's storage (the Storage API's
 * "persistent" mode). Without it, a browser may delete the site's data to free
 * space, and Safari deletes it after seven days without a visit. With it, only
 * the learner can delete it (by clearing site data).
 */
export type Persistence = 'granted' | 'not-granted' | 'unsupported';

function storage(): StorageManager | undefined {
  return typeof navigator !== 'undefined' ? navigator.storage : undefined;
}

export async function persistence(): Promise<Persistence> {
  const s = storage();
  if (!s?.persisted) return 'unsupported';
  try {
    return (await s.persisted()) ? 'granted' : 'not-granted';
  } catch {
    return 'unsupported';
  }
}

/** Asks once; browsers decide by themselves (Chromium by engagement, Firefox asks the learner). */
export async function requestPersistence(): Promise<Persistence> {
  const s = storage();
  if (!s?.persist) return 'unsupported';
  try {
    if (await s.persisted()) return 'granted';
    return (await s.persist()) ? 'granted' : 'not-granted';
  } catch {
    return 'unsupported';
  }
}

/**
 * Browsers known to delete a site's data after a week without a visit
 * (Safari's tracking prevention, on macOS and every iOS browser), unless the
 * course is added to the Home Screen.
 */
export function evictsStorage(userAgent: string, standalone: boolean): boolean {
  if (standalone) return false;
  const appleWebKit = /AppleWebKit/.test(userAgent) && !/Chrome|Chromium|Edg|Android/.test(userAgent);
  const iOS = /iPhone|iPad|iPod/.test(userAgent);
  return appleWebKit || iOS;
}
