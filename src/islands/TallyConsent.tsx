/**
 * The public count, from the learner's side: asked once, plainly, after a
 * module is completed (mode "prompt"), and changeable on the progress page
 * (mode "settings"). This shell is small: the form (TallyForm) loads only when
 * it is to be shown, and the sender (lib/tally/sync.ts) only after a yes.
 */
import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { prepareToSave } from '../lib/progress/client';
import { summarizeModule, type CatalogEntry } from '../lib/progress/summary';
import { useProgress } from './useProgress';

export interface TallyProps {
  mode: 'prompt' | 'settings';
  modules: { id: string; title: string; catalog: CatalogEntry[] }[];
  labels: Record<string, string>;
  lang: string;
  impactHref: string;
}

export default function TallyConsent(props: TallyProps) {
  const { mode, modules, lang } = props;
  const progress = useProgress();
  const [Form, setForm] = useState<ComponentType<never> | null>(null);
  const [decided, setDecided] = useState(false);
  const choice = progress?.settings.tallyChoice;
  const completed = progress ? modules.filter((m) => summarizeModule(m.catalog, progress.answers).status === 'complete') : [];
  const asking = !!progress?.available && (mode === 'settings' || decided || (!choice && completed.length > 0));

  useEffect(() => {
    if (choice !== 'yes') return;
    let sync = () => {};
    void import('../lib/tally/sync').then(({ syncTally }) => {
      sync = () => void syncTally(lang, modules);
      sync();
      addEventListener('online', sync);
    });
    return () => removeEventListener('online', sync);
  }, [choice]);

  useEffect(() => {
    if (!asking || Form) return;
    // The store is made ready too, so that the choice is kept even if the network drops.
    prepareToSave();
    void import('./TallyForm').then(({ TallyForm }) => setForm(() => TallyForm as ComponentType<never>));
  }, [asking]);

  if (!asking || !Form || !progress) return null;
  const Loaded = Form as unknown as ComponentType<Record<string, unknown>>;
  return <Loaded {...props} progress={progress} completed={completed} onDecided={() => setDecided(true)} />;
}
