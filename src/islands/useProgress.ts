/** The learner's stored answers, read on hydration and again after every change. */
import { useEffect, useState } from 'preact/hooks';
import { readProgress, type ProgressSnapshot } from '../lib/progress/client';
import { onProgressChange } from '../lib/progress/events';

export function useProgress(): ProgressSnapshot | null {
  const [snapshot, setSnapshot] = useState<ProgressSnapshot | null>(null);
  useEffect(() => {
    let alive = true;
    const load = () => {
      readProgress().then((s) => alive && setSnapshot(s));
    };
    load();
    const off = onProgressChange(load);
    return () => {
      alive = false;
      off();
    };
  }, []);
  return snapshot;
}
