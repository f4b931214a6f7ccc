/** A number answer with a tolerance. Parsing and grading live in lib/exercises. */
import { useRef, useState } from 'preact/hooks';
import { gradeNumber } from '../lib/exercises/grade';
import { parseLocaleNumber } from '../lib/exercises/parse-number';
import type { NumberAnswer } from '../lib/exercises/schema';
import type { Locale } from '../lib/i18n/locales';
import { ExerciseFrame, useAnswer } from './ExerciseFrame';
import { useDraft } from './useDraft';
import type { ExerciseLabels } from './labels';

interface Props {
  exercise: NumberAnswer;
  moduleId: string;
  sectionId: string;
  locale: Locale;
  labels: ExerciseLabels;
}

export default function NumberExercise({ exercise, moduleId, sectionId, locale, labels }: Props) {
  const draft = useDraft(`ex-${exercise.id}`, '', (v): v is string => typeof v === 'string');
  const [text, setTextState] = useState(draft.value);
  const setText = (value: string) => {
    setTextState(value);
    draft.set(value);
  };
  const [error, setError] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const id = `ex-${exercise.id}`;

  const answer = useAnswer(exercise, { moduleId, sectionId }, (record) => {
    if (record.response.type !== 'number') return null;
    setTextState(record.response.text);
    return gradeNumber(exercise, record.response.value);
  }, draft.restored && draft.value !== '');

  function check() {
    const value = parseLocaleNumber(text, locale);
    if (value === null) {
      setError(labels.numberInvalid);
      input.current?.focus();
      return;
    }
    setError('');
    draft.clear();
    answer.submit({ type: 'number', value, text: text.trim() }, gradeNumber(exercise, value));
  }

  function retry() {
    requestAnimationFrame(() => {
      input.current?.focus();
      input.current?.select();
    });
  }

  const { grade } = answer;
  return (
    <ExerciseFrame
      exercise={exercise}
      labels={labels}
      answer={answer}
      error={error}
      errorId={`${id}-error`}
      onCheck={check}
      onRetry={retry}
      feedback={grade && <p>{grade.verdict === 'correct' ? exercise.feedback.correct : exercise.feedback.incorrect}</p>}
    >
      <div class="number-row">
        <label for={`${id}-input`}>{labels.numberLabel}</label>
        <input
          ref={input}
          id={`${id}-input`}
          type="text"
          inputMode="decimal"
          autoComplete="off"
          spellcheck={false}
          value={text}
          readOnly={grade !== null}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onInput={(e) => {
            answer.touch();
            setText((e.currentTarget as HTMLInputElement).value);
            setError('');
          }}
        />
        {exercise.unit && <span>{exercise.unit}</span>}
      </div>
    </ExerciseFrame>
  );
}
