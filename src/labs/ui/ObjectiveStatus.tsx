/** The lab's objective, and whether the learner has reached it (stored like any exercise). */
import type { LabExercise } from '../../lib/exercises/schema';
import { fill } from '../../lib/i18n/fill';
import type { EngineLabels } from './labels';
import type { useObjective } from './useObjective';
import { SaveStateLine } from '../../islands/SaveState';

interface Props {
  exercise: LabExercise;
  objective: ReturnType<typeof useObjective>;
  labels: EngineLabels;
  format: (value: number) => string;
}

export function ObjectiveStatus({ exercise, objective, labels, format }: Props) {
  const { best, reached, saved } = objective;
  return (
    <div class="lab-objective" data-reached={reached ? 'true' : 'false'} data-exercise={exercise.id}>
      <p>
        <strong>{labels.objective}:</strong> {exercise.question}
      </p>
      <div role="status" aria-live="polite">
        {best !== null && (
          <p>
            <strong>{fill(reached ? labels.objectiveReached : labels.objectiveNotYet, { value: format(best) })}</strong>{' '}
            {reached ? exercise.feedback.correct : exercise.feedback.incorrect}
          </p>
        )}
        <SaveStateLine state={saved} labels={labels} />
      </div>
    </div>
  );
}
