/**
 * LAB "Playground" (island): the start. It shows the objective and what the
 * lab does, and loads the workbench (Workbench.tsx: the controls, the
 * pictures, the training) when the learner opens it, so that a lesson page,
 * which places this lab up to three times, carries only this small part until
 * then. A shared link to this placement (#<exercise id>=…) opens it at once.
 */
import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { LabFrame } from '../ui/LabFrame';
import { useObjective } from '../ui/useObjective';
import type { PlaygroundProps } from './Workbench';

type Bench = ComponentType<PlaygroundProps & { focus?: boolean }>;

export default function PlaygroundLab(props: PlaygroundProps) {
  const [bench, setBench] = useState<{ View: Bench; focus: boolean } | null>(null);
  if (bench) return <bench.View {...props} focus={bench.focus} />;
  return <Start {...props} onOpen={(View, focus) => setBench({ View, focus })} />;
}

function Start({ exercise, moduleId, sectionId, locale, labels, strings, onOpen }: PlaygroundProps & { onOpen: (View: Bench, focus: boolean) => void }) {
  const objective = useObjective(exercise, moduleId, sectionId);
  const [loading, setLoading] = useState(false);
  const [message, setMessage] = useState('');
  const format = (v: number) =>
    new Intl.NumberFormat(locale, exercise.objective.metric === 'accuracy' ? { style: 'percent', maximumFractionDigits: 0 } : { maximumFractionDigits: 3 }).format(v);

  async function open(focus: boolean) {
    setLoading(true);
    setMessage('');
    try {
      onOpen((await import('./Workbench')).default, focus);
    } catch {
      setLoading(false);
      setMessage(strings.loadFailed);
    }
  }

  // A link to an experiment in this placement: open the lab straight away.
  useEffect(() => {
    if (new URLSearchParams(location.hash.replace(/^#/, '')).has(exercise.id)) void open(false);
  }, []);

  return (
    <LabFrame
      id={`lab-${exercise.id}`}
      lab="playground"
      title={strings.title}
      exercise={exercise}
      objective={objective}
      labels={labels}
      format={format}
      message={message}
      description=""
    >
      <p>{strings.intro}</p>
      <p class="lab-actions">
        <button type="button" class="button" disabled={loading} onClick={() => open(true)}>
          {strings.open}
        </button>
      </p>
    </LabFrame>
  );
}
