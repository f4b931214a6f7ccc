/** The teacher's classes and receipts from the store, read again after every change (here or in another tab). */
import { useEffect, useState } from 'preact/hooks';
import { onProgressChange } from '../../lib/progress/events';
import type { ClassRecord, ReceiptRecord } from '../../lib/progress/schema';

export interface ClassroomData {
  classes: ClassRecord[];
  receipts: ReceiptRecord[];
}

/** null while reading; 'unavailable' when this browser will not store anything (private window, blocked data). */
export function useClasses(): ClassroomData | 'unavailable' | null {
  const [data, setData] = useState<ClassroomData | 'unavailable' | null>(null);
  useEffect(() => {
    let alive = true;
    const load = async () => {
      try {
        const { readClassroom } = await import('../../lib/progress/client');
        const result = await readClassroom();
        if (alive) setData(result);
      } catch {
        if (alive) setData('unavailable');
      }
    };
    void load();
    const off = onProgressChange(() => void load());
    return () => {
      alive = false;
      off();
    };
  }, []);
  return data;
}
