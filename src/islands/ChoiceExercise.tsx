/**
 * Single choice (radio buttons) and multiple choice (checkboxes). The island
 * keeps UI state only: grading is lib/exercises/grade.ts, the answer's
 * lifecycle and frame are in ExerciseFrame.tsx.
 */
import { useRef, useState } from 'preact/hooks';
import { gradeMultiple, gradeSingle, type Grade } from '../lib/exercises/grade';
import type { MultipleChoice, SingleChoice } from '../lib/exercises/schema';
import { fill } from '../lib/i18n/fill';
import { ExerciseFrame, useAnswer } from './ExerciseFrame';
import { useDraft } from './useDraft';
import type { ExerciseLabels } from './labels';

interface Props {
  exercise: SingleChoice | MultipleChoice;
  moduleId: string;
  sectionId: string;
  labels: ExerciseLabels;
}

export default function ChoiceExercise({ exercise, moduleId, sectionId, labels }: Props) {
  const multiple = exercise.type === 'multiple';
  const draft = useDraft(`ex-${exercise.id}`, [] as number[], (v): v is number[] =>
    Array.isArray(v) && v.every((i) => Number.isInteger(i) && i >= 0 && i < exercise.options.length),
  );
  const [selected, setSelectedState] = useState<number[]>(draft.value);
  const setSelected = (next: number[] | ((prev: number[]) => number[])) =>
    setSelectedState((prev) => {
      const value = typeof next === 'function' ? next(prev) : next;
      draft.set(value);
      return value;
    });
  const [error, setError] = useState('');
  const firstInput = useRef<HTMLInputElement>(null);

  const gradeFor = (picks: number[]): Grade =>
    exercise.type === 'single' ? gradeSingle(exercise, picks[0]) : gradeMultiple(exercise, picks);

  const answer = useAnswer(exercise, { moduleId, sectionId }, (record) => {
    const r = record.response;
    const picks = r.type === 'single' ? [r.selected] : r.type === 'multiple' ? r.selected : null;
    if (!picks) return null;
    setSelectedState(picks);
    return gradeFor(picks);
  }, draft.restored && draft.value.length > 0);

  function toggle(index: number, checked: boolean) {
    answer.touch();
    setError('');
    setSelected((prev) =>
      multiple ? (checked ? [...prev, index].sort((a, b) => a - b) : prev.filter((i) => i !== index)) : [index],
    );
  }

  function check() {
    if (selected.length === 0) {
      setError(labels.chooseFirst);
      firstInput.current?.focus();
      return;
    }
    const response =
      exercise.type === 'single'
        ? ({ type: 'single', selected: selected[0] } as const)
        : ({ type: 'multiple', selected } as const);
    draft.clear();
    answer.submit(response, gradeFor(selected));
  }

  function retry() {
    setSelected([]);
    requestAnimationFrame(() => firstInput.current?.focus());
  }

  const { grade } = answer;
  const picked = grade ? selected.filter((i) => exercise.options[i]).map((i) => exercise.options[i]) : [];

  return (
    <ExerciseFrame
      exercise={exercise}
      labels={labels}
      answer={answer}
      error={error}
      onCheck={check}
      onRetry={retry}
      feedback={
        grade && (
          <>
            {exercise.type === 'multiple' && (
              <p>{fill(labels.found, { hits: grade.hits ?? 0, total: grade.totalCorrect ?? 0, wrong: grade.wrong ?? 0 })}</p>
            )}
            {picked.map((option) => (
              <p key={option.text}>
                <strong>
                  {option.correct ? '✓' : '✗'} {option.text}
                </strong>{' '}
                — {option.feedback}
              </p>
            ))}
          </>
        )
      }
    >
      <ul class="options">
        {exercise.options.map((option, i) => {
          const isPicked = selected.includes(i);
          const mark = grade && isPicked ? (option.correct ? 'right' : 'wrong') : undefined;
          return (
            <li key={i}>
              <label class="option" data-mark={mark}>
                <input
                  ref={i === 0 ? firstInput : undefined}
                  type={multiple ? 'checkbox' : 'radio'}
                  name={`ex-${exercise.id}`}
                  value={String(i)}
                  checked={isPicked}
                  disabled={grade !== null}
                  onChange={(e) => toggle(i, (e.currentTarget as HTMLInputElement).checked)}
                />
                <span>
                  {option.text}
                  {mark && <span class="visually-hidden"> ({labels.picked})</span>}
                </span>
              </label>
            </li>
          );
        })}
      </ul>
    </ExerciseFrame>
  );
}
