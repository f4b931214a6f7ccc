/** A number answer with a tolerance. Parsing and grading live in lib/exercises. */
import { useEffect, useRef, useState } from 'preact/hooks';
import { gradeNumber, type Grade } from '../lib/exercises/grade';
import { parseLocaleNumber } from '../lib/exercises/parse-number';
import type { NumberAnswer } from '../lib/exercises/schema';
import type { Locale } from '../lib/i18n/locales';
import { prepareToSave, recordAnswer } from '../lib/progress/client';
import type { ExerciseLabels } from './labels';
import { Result } from './Result';
import { useProgress } from './useProgress';

interface Props {
  exercise: NumberAnswer;
  moduleId: string;
  sectionId: string;
  locale: Locale;
  labels: ExerciseLabels;
}

export default function NumberExercise({ exercise, moduleId, sectionId, locale, labels }: Props) {
  const [text, setText] = useState('');
  const [grade, setGrade] = useState<Grade | null>(null);
  const [saved, setSaved] = useState<boolean | null>(null);
  const [error, setError] = useState('');
  const touched = useRef(false);
  const input = useRef<HTMLInputElement>(null);
  const retryButton = useRef<HTMLButtonElement>(null);
  const progress = useProgress();
  const base = `ex-${exercise.id}`;

  useEffect(() => {
    const record = progress?.answers.get(exercise.id);
    if (!record || touched.current || record.response.type !== 'number') return;
    setText(record.response.text);
    setGrade(gradeNumber(exercise, record.response.value));
    setSaved(progress?.available ?? false);
  }, [progress]);

  async function check(event: Event) {
    event.preventDefault();
    touched.current = true;
    const value = parseLocaleNumber(text, locale);
    if (value === null) {
      setError(labels.numberInvalid);
      input.current?.focus();
      return;
    }
    setError('');
    const result = gradeNumber(exercise, value);
    setGrade(result);
    requestAnimationFrame(() => retryButton.current?.focus());
    const { saved } = await recordAnswer({
      exerciseId: exercise.id,
      moduleId,
      sectionId,
      type: 'number',
      response: { type: 'number', value, text: text.trim() },
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
    requestAnimationFrame(() => {
      input.current?.focus();
      input.current?.select();
    });
  }

  const checked = grade !== null;
  return (
    <section class="exercise" aria-labelledby={`${base}-q`} data-exercise={exercise.id} data-progress={progress ? 'read' : 'reading'} data-type="number">
      <p class="kicker">
        <span>{labels.kicker}</span>
        <span>{labels.worth}</span>
      </p>
      <form onSubmit={check} noValidate>
        <fieldset>
          <legend id={`${base}-q`}>{exercise.question}</legend>
          <p class="hint">{labels.instructions}</p>
          <div class="number-row">
            <label for={`${base}-input`}>{labels.numberLabel}</label>
            <input
              ref={input}
              id={`${base}-input`}
              type="text"
              inputMode="decimal"
              autoComplete="off"
              spellcheck={false}
              value={text}
              readOnly={checked}
              aria-invalid={error ? 'true' : undefined}
              aria-describedby={error ? `${base}-error` : undefined}
              onInput={(e) => {
                touched.current = true;
                prepareToSave();
                setText((e.currentTarget as HTMLInputElement).value);
                setError('');
              }}
            />
            {exercise.unit && <span>{exercise.unit}</span>}
          </div>
        </fieldset>
        {error && (
          <p class="error" id={`${base}-error`} role="alert">
            {error}
          </p>
        )}
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
          {grade && <p>{grade.verdict === 'correct' ? exercise.feedback.correct : exercise.feedback.incorrect}</p>}
        </Result>
      </form>
    </section>
  );
}
