/**
 * What every lab shows around its own canvas and controls: the title, the
 * privacy line, the objective, a message line (links, errors) and the text
 * alternative that screen readers get for the canvas.
 */
import type { ComponentChildren } from 'preact';
import type { LabExercise } from '../../lib/exercises/schema';
import { ObjectiveStatus } from './ObjectiveStatus';
import type { EngineLabels } from './labels';
import type { useObjective } from './useObjective';

interface Props {
  /** Element id prefix; the canvas points at `${id}-description`. */
  id: string;
  lab: string;
  title: string;
  exercise: LabExercise;
  objective: ReturnType<typeof useObjective>;
  labels: EngineLabels;
  format: (value: number) => string;
  message: string;
  description: string;
  children: ComponentChildren;
}

export function LabFrame({ id, lab, title, exercise, objective, labels, format, message, description, children }: Props) {
  return (
    <section class="lab" aria-labelledby={`${id}-title`} data-lab={lab} data-progress={objective.ready ? 'read' : 'reading'}>
      <p class="kicker">
        <span id={`${id}-title`}>{title}</span>
      </p>
      <p class="meta">{labels.privacy}</p>
      <ObjectiveStatus exercise={exercise} objective={objective} labels={labels} format={format} />
      {children}
      <p role="status" aria-live="polite" class="lab-message">
        {message}
      </p>
      <p id={`${id}-description`} class="visually-hidden" aria-live="polite">
        {description}
      </p>
    </section>
  );
}
