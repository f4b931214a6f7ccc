/**
 * LAB "Teach the camera" (island): the start. It shows the objective, the
 * privacy promise, the minimums and three ways to begin (camera, drawing,
 * pictures); the learner's choice loads the workbench (Workbench.tsx), so a
 * lesson page carries only this small part until then, and the camera is
 * asked for only when the learner presses its button.
 */
import type { ComponentType } from 'preact';
import { useState } from 'preact/hooks';
import type { LabExercise } from '../../lib/exercises/schema';
import { fill } from '../../lib/i18n/fill';
import { LabFrame } from '../ui/LabFrame';
import type { EngineLabels } from '../ui/labels';
import { useObjective } from '../ui/useObjective';
import { MIN_CLASSES, MIN_TEST, MIN_TRAIN, type Source } from './examples';

interface Props {
  exercise: LabExercise;
  moduleId: string;
  sectionId: string;
  locale: string;
  labels: EngineLabels;
  preset?: string;
  strings: Record<string, string>;
}

type Bench = ComponentType<Omit<Props, 'preset'> & { start: Source }>;

export default function CameraLab(props: Props) {
  const [bench, setBench] = useState<{ View: Bench; start: Source } | null>(null);
  if (bench) return <bench.View {...props} start={bench.start} />;
  return <Start {...props} onStart={(start, View) => setBench({ View, start })} />;
}

function Start({ exercise, moduleId, sectionId, locale, labels, strings: s, onStart }: Props & { onStart: (start: Source, View: Bench) => void }) {
  const objective = useObjective(exercise, moduleId, sectionId);
  const [loading, setLoading] = useState(false);
  const [message, setMessage] = useState('');
  const pct = (v: number) => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(v);
  async function begin(start: Source) {
    setLoading(true);
    setMessage('');
    try {
      onStart(start, (await import('./Workbench')).default);
    } catch {
      setLoading(false);
      setMessage(s.loadFailed);
    }
  }
  return (
    <LabFrame
      id={`lab-${exercise.id}`}
      lab="camera"
      title={s.title}
      exercise={exercise}
      objective={objective}
      labels={labels}
      format={pct}
      message={message}
      description=""
    >
      <div class="cam">
        <p class="cam-privacy">{s.privacy}</p>
        <p class="cam-start">{s.startIntro}</p>
        <p class="lab-actions">
          <button type="button" class="button" disabled={loading} onClick={() => begin('camera')}>
            {s.cameraStart}
          </button>
          <button type="button" class="button secondary" disabled={loading} onClick={() => begin('drawing')}>
            {s.startDrawing}
          </button>
          <button type="button" class="button secondary" disabled={loading} onClick={() => begin('files')}>
            {s.startFiles}
          </button>
        </p>
        <p class="cam-minimums">{fill(s.minimums, { classes: MIN_CLASSES, train: MIN_TRAIN, test: MIN_TEST })}</p>
      </div>
    </LabFrame>
  );
}
