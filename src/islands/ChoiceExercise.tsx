/**
 * Single choice (radio buttons) and multiple choice (checkboxes). The island
 * keeps UI state only: grading is lib/exercises/grade.ts, storing is
 * lib/progress/client.ts.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { gradeMultiple, gradeSingle, type Grade } from '../lib/exercises/grade';
import type { MultipleChoice, SingleChoice } from '../lib/exercises/schema';
import { fill } from '../lib/i18n/fill';
import { prepareToSave, recordAnswer } from '../lib/progress/client';
import type { ExerciseLabels } from './labels';
import { Result } from './Result';
import { useProgress } from './useProgress';

interface Props {
  exercise: SingleChoice | MultipleChoice;
  moduleId: string;
  sectionId: string;
  labels: ExerciseLabels;
}

export default function ChoiceExercise({ exercise, moduleId, sectionId, labels }: Props) {
  const multiple = exercise.type === 'multiple';
  const [selected, setSelected] = useState<number[]>([]);
  const [grade, setGrade] = useState<Grade | null>(null);
  const [saved, setSaved] = useState<boolean | null>(null);
  const [error, setError] = useState('');
  const touched = useRef(false);
  const firstInput = useRef<HTMLInputElement>(null);
  const retryButton = useRef<HTMLButtonElement>(null);
  const progress = useProgress();
  const base = `ex-${exercise.id}`;

  // Show the stored answer when the page is reopened (unless the learner already started here).
  useEffect(() => {
    const record = progress?.answers.get(exercise.id);
    if (!record || touched.current) return;
    const r = record.response;
    const picks = r.type === 'single' ? [r.selected] : r.type === 'multiple' ? r.selected : null;
    if (!picks) return;
    setSelected(picks);
    setGrade(gradeFor(picks));
    setSaved(progress?.available ?? false);
  }, [progress]);

  function gradeFor(picks: number[]): Grade {
    return exercise.type === 'single' ? gradeSingle(exercise, picks[0]) : gradeMultiple(exercise, picks);
  }

  function toggle(index: number, checked: boolean) {
    touched.current = true;
    prepareToSave();
    setError('');
    setSelected((prev) =>
      multiple ? (checked ? [...prev, index].sort((a, b) => a - b) : prev.filter((i) => i !== index)) : [index],
    );
  }

  async function check(event: Event) {
    event.preventDefault();
    touched.current = true;
    if (selected.length === 0) {
      setError(labels.chooseFirst);
      firstInput.current?.focus();
      return;
    }
    const result = gradeFor(selected);
    setGrade(result);
    requestAnimationFrame(() => retryButton.current?.focus());
    const response =
      exercise.type === 'single'
        ? ({ type: 'single', selected: selected[0] } as const)
        : ({ type: 'multiple', selected } as const);
    const { saved } = await recordAnswer({
      exerciseId: exercise.id,
      moduleId,
      sectionId,
      type: exercise.type,
      response,
      score: result.score,
      maxScore: result.maxScore,
    });
    setSaved(saved);
  }

  // Distinct keys on the two buttons: reusing one element would let a click on
  // "try again" finish as a submit once the element has become the submit button.
  function retry(event: Event) {
    event.preventDefault();
    touched.current = true;
    setGrade(null);
    setSaved(null);
    setSelected([]);
    requestAnimationFrame(() => firstInput.current?.focus());
  }

  const checked = grade !== null;
  const feedback = checked
    ? selected.map((i) => ({ option: exercise.options[i], right: exercise.options[i]?.correct === true })).filter((f) => f.option)
    : [];

  return (
    <section class="exercise" aria-labelledby={`${base}-q`} data-exercise={exercise.id} data-progress={progress ? 'read' : 'reading'} data-type={exercise.type}>
      <p class="kicker">
        <span>{labels.kicker}</span>
        <span>{labels.worth}</span>
      </p>
      <form onSubmit={check} noValidate>
        <fieldset aria-describedby={`${base}-hint`}>
          <legend id={`${base}-q`}>{exercise.question}</legend>
          <p class="hint" id={`${base}-hint`}>{labels.instructions}</p>
          <ul class="options">
            {exercise.options.map((option, i) => {
              const isPicked = selected.includes(i);
              const mark = checked && isPicked ? (option.correct ? 'right' : 'wrong') : undefined;
              return (
                <li key={i}>
                  <label class="option" data-mark={mark}>
                    <input
                      ref={i === 0 ? firstInput : undefined}
                      type={multiple ? 'checkbox' : 'radio'}
                      name={base}
                      value={String(i)}
                      checked={isPicked}
                      disabled={checked}
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
        </fieldset>
        {error && <p class="error" role="alert">{error}</p>}
        <div class="actions">
          {checked ? (
            <button key="retry" type="button" class="button secondary" ref={retryButton} onClick={retry}>
              {labels.tryAgain}
            </button>
          ) : (
            <button key="check" type="submit" class="button">{labels.check}</button>
          )}
        </div>
        <Result grade={grade} labels={labels} saved={saved}>
          {grade && exercise.type === 'multiple' && (
            <p>
              {fill(labels.found, { hits: grade.hits ?? 0, total: grade.totalCorrect ?? 0, wrong: grade.wrong ?? 0 })}
            </p>
          )}
          {feedback.map(({ option, right }) => (
            <p key={option.text}>
              <strong>{right ? '✓' : '✗'} {option.text}</strong> — {option.feedback}
            </p>
          ))}
        </Result>
      </form>
    </section>
  );
}
