/**
 * Match pairs: each left-hand text gets one of the right-hand texts from a
 * list (a native select: keyboard, touch and screen readers work as usual).
 * The right-hand texts are listed in a shuffled order that is the same in
 * every language. Grading: lib/exercises/grade.ts.
 */
import { useRef, useState } from 'preact/hooks';
import { gradeMatch } from '../lib/exercises/grade';
import type { MatchExercise as MatchExerciseData } from '../lib/exercises/schema';
import { shuffledIndices } from '../lib/exercises/shuffle';
import { fill } from '../lib/i18n/fill';
import { ExerciseFrame, useAnswer } from './ExerciseFrame';
import type { ExerciseLabels, MatchLabels } from './labels';
import { useDraft } from './useDraft';

interface Props {
  exercise: MatchExerciseData;
  moduleId: string;
  sectionId: string;
  labels: ExerciseLabels;
  texts: MatchLabels;
}

export default function MatchExercise({ exercise, moduleId, sectionId, labels, texts }: Props) {
  const n = exercise.pairs.length;
  const none = Array.from({ length: n }, () => -1);
  const draft = useDraft(`ex-${exercise.id}`, none, (v): v is number[] =>
    Array.isArray(v) && v.length === n && v.every((i) => Number.isInteger(i) && i >= -1 && i < n),
  );
  const [chosen, setChosenState] = useState<number[]>(draft.value);
  const [error, setError] = useState('');
  const first = useRef<HTMLSelectElement>(null);
  const listed = shuffledIndices(exercise.id, n);
  const base = `ex-${exercise.id}`;

  const answer = useAnswer(exercise, { moduleId, sectionId }, (record) => {
    const r = record.response;
    if (r.type !== 'match' || r.chosen.length !== n) return null;
    setChosenState(r.chosen);
    return gradeMatch(exercise, r.chosen);
  }, draft.restored && draft.value.some((i) => i >= 0));

  function pick(row: number, value: number) {
    answer.touch();
    setError('');
    const next = chosen.map((c, i) => (i === row ? value : c));
    setChosenState(next);
    draft.set(next);
  }

  function check() {
    const missing = chosen.findIndex((c) => c < 0);
    if (missing >= 0) {
      setError(texts.chooseAll);
      document.getElementById(`${base}-m${missing}`)?.focus();
      return;
    }
    draft.clear();
    answer.submit({ type: 'match', chosen }, gradeMatch(exercise, chosen));
  }

  function retry() {
    requestAnimationFrame(() => first.current?.focus());
  }

  const { grade } = answer;
  return (
    <ExerciseFrame
      exercise={exercise}
      labels={labels}
      answer={answer}
      error={error}
      errorId={`${base}-error`}
      onCheck={check}
      onRetry={retry}
      feedback={
        grade && (
          <>
            <p>{fill(texts.matched, { hits: grade.hits ?? 0, total: n })}</p>
            <p>{grade.verdict === 'correct' ? exercise.feedback.correct : exercise.feedback.incorrect}</p>
          </>
        )
      }
    >
      <ul class="match-list">
        {exercise.pairs.map((pair, row) => {
          const mark = grade ? (chosen[row] === row ? 'right' : 'wrong') : undefined;
          return (
            <li key={row} class="match-row" data-mark={mark}>
              <label for={`${base}-m${row}`}>{pair.left}</label>
              <select
                id={`${base}-m${row}`}
                ref={row === 0 ? first : undefined}
                value={String(chosen[row])}
                disabled={grade !== null}
                aria-invalid={error && chosen[row] < 0 ? 'true' : undefined}
                aria-describedby={error ? `${base}-error` : undefined}
                onChange={(e) => pick(row, Number((e.currentTarget as HTMLSelectElement).value))}
              >
                <option value="-1">{texts.choose}</option>
                {listed.map((i) => (
                  <option key={i} value={String(i)}>
                    {exercise.pairs[i].right}
                  </option>
                ))}
              </select>
              {/* The closed list may cut a long text short on a phone: the choice in full (screen readers read the list). */}
              {!grade && chosen[row] >= 0 && (
                <span class="match-chosen" aria-hidden="true">
                  {exercise.pairs[chosen[row]].right}
                </span>
              )}
              {mark && (
                <span class="match-mark">
                  {mark === 'right' ? `✓ ${texts.rightPair}` : `✗ ${fill(texts.rightAnswer, { answer: pair.right })}`}
                </span>
              )}
            </li>
          );
        })}
      </ul>
    </ExerciseFrame>
  );
}
