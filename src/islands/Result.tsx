/** The verdict of a checked exercise, in a live region so screen readers announce it. */
import type { ComponentChildren } from 'preact';
import type { Grade } from '../lib/exercises/grade';
import { fill } from '../lib/i18n/fill';
import type { ExerciseLabels } from './labels';
import { SaveStateLine, type SaveState } from './SaveState';

interface Props {
  grade: Grade | null;
  labels: ExerciseLabels;
  saved: SaveState;
  children?: ComponentChildren;
}

export function Result({ grade, labels, saved, children }: Props) {
  const verdict = grade
    ? { correct: labels.correct, partial: labels.partlyCorrect, incorrect: labels.incorrect }[grade.verdict]
    : '';
  return (
    <div role="status" aria-live="polite" aria-atomic="true">
      {grade && (
        <div class="result" data-verdict={grade.verdict}>
          <p>
            <strong>{verdict}</strong> {fill(labels.points, { score: grade.score })}
          </p>
          {children}
        </div>
      )}
      {grade && <SaveStateLine state={saved} labels={labels} />}
    </div>
  );
}
