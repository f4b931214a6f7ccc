/**
 * A short free text the learner judges: they write, then compare with a model
 * answer and tick the rubric items their answer meets (one point each).
 * Saving the assessment counts as answering. The text stays on the device.
 */
import { useRef, useState } from 'preact/hooks';
import { gradeText } from '../lib/exercises/grade';
import type { TextExercise as TextExerciseData } from '../lib/exercises/schema';
import { fill } from '../lib/i18n/fill';
import { ExerciseFrame, useAnswer } from './ExerciseFrame';
import type { ExerciseLabels, TextLabels } from './labels';
import { useDraft } from './useDraft';

interface Props {
  exercise: TextExerciseData;
  moduleId: string;
  sectionId: string;
  labels: ExerciseLabels;
  texts: TextLabels;
}

/** The page lets a learner write this much; the progress file accepts up to twice as much. */
export const MAX_ANSWER_CHARS = 2000;

interface Draft {
  text: string;
  ticked: number[];
  comparing: boolean;
}

export default function TextExercise({ exercise, moduleId, sectionId, labels, texts }: Props) {
  const n = exercise.rubric.length;
  const draft = useDraft<Draft>(`ex-${exercise.id}`, { text: '', ticked: [], comparing: false }, (v): v is Draft => {
    const d = v as Draft;
    return (
      !!d &&
      typeof d.text === 'string' &&
      typeof d.comparing === 'boolean' &&
      Array.isArray(d.ticked) &&
      d.ticked.every((i) => Number.isInteger(i) && i >= 0 && i < n)
    );
  });
  const [state, setStateRaw] = useState<Draft>(draft.value);
  const setState = (next: Draft) => {
    setStateRaw(next);
    draft.set(next);
  };
  const [error, setError] = useState('');
  const area = useRef<HTMLTextAreaElement>(null);
  const firstTick = useRef<HTMLInputElement>(null);
  const base = `ex-${exercise.id}`;

  const answer = useAnswer(exercise, { moduleId, sectionId }, (record) => {
    const r = record.response;
    if (r.type !== 'text') return null;
    setStateRaw({ text: r.text, ticked: r.ticked, comparing: true });
    return gradeText(exercise, r.ticked);
  }, draft.restored && draft.value.text !== '');

  function check() {
    if (!state.comparing) {
      if (state.text.trim().length < 2) {
        setError(texts.writeFirst);
        area.current?.focus();
        return;
      }
      setError('');
      answer.touch();
      setState({ ...state, comparing: true });
      requestAnimationFrame(() => document.getElementById(`${base}-model`)?.focus());
      return;
    }
    draft.clear();
    answer.submit({ type: 'text', text: state.text.trim(), ticked: state.ticked }, gradeText(exercise, state.ticked));
  }

  function retry() {
    setState({ ...state, comparing: false });
    requestAnimationFrame(() => area.current?.focus());
  }

  function tick(i: number, on: boolean) {
    answer.touch();
    const ticked = on ? [...state.ticked, i].sort((a, b) => a - b) : state.ticked.filter((t) => t !== i);
    setState({ ...state, ticked });
  }

  const { grade } = answer;
  const comparing = state.comparing || grade !== null;
  return (
    <ExerciseFrame
      exercise={exercise}
      labels={{ ...labels, check: comparing ? texts.save : texts.compare, tryAgain: texts.edit }}
      answer={answer}
      error={error}
      errorId={`${base}-error`}
      onCheck={check}
      onRetry={retry}
      feedback={grade && <p>{fill(texts.ticked, { hits: grade.hits ?? 0, total: n })}</p>}
    >
      <div class="text-answer">
        <label for={`${base}-text`}>{texts.answer}</label>
        <textarea
          id={`${base}-text`}
          ref={area}
          rows={5}
          maxLength={MAX_ANSWER_CHARS}
          value={state.text}
          readOnly={comparing}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={error ? `${base}-error` : undefined}
          onInput={(e) => {
            answer.touch();
            setError('');
            setState({ ...state, text: (e.currentTarget as HTMLTextAreaElement).value });
          }}
        />
      </div>
      {comparing && (
        <div class="model-answer">
          <h4 id={`${base}-model`} tabIndex={-1}>
            {texts.modelAnswer}
          </h4>
          <p>{exercise.modelAnswer}</p>
          <fieldset class="rubric">
            <legend>{texts.rubric}</legend>
            <ul class="options">
              {exercise.rubric.map((item, i) => (
                <li key={i}>
                  <label class="option">
                    <input
                      ref={i === 0 ? firstTick : undefined}
                      type="checkbox"
                      checked={state.ticked.includes(i)}
                      disabled={grade !== null}
                      onChange={(e) => tick(i, (e.currentTarget as HTMLInputElement).checked)}
                    />
                    <span>{item}</span>
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
        </div>
      )}
    </ExerciseFrame>
  );
}
