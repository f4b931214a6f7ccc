/**
 * A lab's objective, stored like any exercise: the best value the learner
 * reached on held-out data, graded against the objective.
 */
import { useState } from 'preact/hooks';
import { betterMeasurement, gradeLab, meetsObjective } from '../../lib/exercises/grade';
import type { LabExercise } from '../../lib/exercises/schema';
import { recordAnswer } from '../../lib/progress/client';
import { useProgress } from '../../islands/useProgress';
import type { SaveState } from '../../islands/SaveState';

export function useObjective(exercise: LabExercise, moduleId: string, sectionId: string) {
  const progress = useProgress();
  const [saved, setSaved] = useState<SaveState>(null);
  const stored = progress?.answers.get(exercise.id);
  const best = stored?.response.type === 'lab' ? stored.response.value : null;
  const better = (a: number, b: number | null) => betterMeasurement(exercise.objective, a, b);

  return {
    best,
    reached: best !== null && meetsObjective(exercise.objective, best),
    saved,
    ready: progress !== null,
    /** Records a result measured on the test data, when it beats the stored one. */
    async report(value: number) {
      if (!better(value, best)) return;
      const grade = gradeLab(exercise, value);
      const result = await recordAnswer({
        exerciseId: exercise.id,
        moduleId,
        sectionId,
        type: 'lab',
        response: { type: 'lab', value },
        score: grade.score,
        maxScore: grade.maxScore,
      });
      setSaved(result.saved ? 'saved' : (result.failure ?? 'failed'));
    },
  };
}
