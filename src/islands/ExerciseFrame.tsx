/**
 * What every exercise island shares: the answer's lifecycle (restore the
 * stored answer, check, save, try again) in useAnswer(), and the frame around
 * the inputs (question, points, check / try-again button, verdict) in
 * <ExerciseFrame>. Each island adds only its inputs and its feedback.
 */
import type { ComponentChildren, RefObject } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Grade, Response } from '../lib/exercises/grade';
import type { Exercise } from '../lib/exercises/schema';
import { prepareToSave, recordAnswer } from '../lib/progress/client';
import type { AnswerRecord } from '../lib/progress/schema';
import type { ExerciseLabels } from './labels';
import { Result } from './Result';
import type { SaveState } from './SaveState';
import { useProgress } from './useProgress';


export interface AnswerState {
  grade: Grade | null;
  saved: SaveState;
  /** True once the stored answers have been read (tests and styles use it). */
  ready: boolean;
  retryButton: RefObject<HTMLButtonElement>;
  /** The learner started answering: keep their input, and get the store ready. */
  touch(): void;
  /** Show the verdict at once, then save the answer. */
  submit(response: Response, grade: Grade): Promise<void>;
  /** Clear the verdict so the learner can answer again. */
  reset(): void;
}

export function useAnswer(
  exercise: Exercise,
  where: { moduleId: string; sectionId: string },
  restore: (record: AnswerRecord) => Grade | null,
  /** The learner's unchecked input came back from before a reload: show it, not the stored answer. */
  draftRestored = false,
): AnswerState {
  const [grade, setGrade] = useState<Grade | null>(null);
  const [saved, setSaved] = useState<SaveState>(null);
  // Ready once the stored answer (if any) is on screen, not merely read.
  const [ready, setReady] = useState(false);
  const touched = useRef(draftRestored);
  const retryButton = useRef<HTMLButtonElement>(null);
  const progress = useProgress();

  // Show the stored answer when the page is reopened, unless the learner already started here.
  useEffect(() => {
    if (!progress) return;
    setReady(true);
    const record = progress.answers.get(exercise.id);
    if (!record || touched.current) return;
    const restored = restore(record);
    if (!restored) return;
    setGrade(restored);
    setSaved(progress.available ? 'saved' : 'failed');
  }, [progress]);

  return {
    grade,
    saved,
    ready,
    retryButton,
    touch() {
      touched.current = true;
      prepareToSave();
    },
    async submit(response, result) {
      touched.current = true;
      setGrade(result);
      requestAnimationFrame(() => retryButton.current?.focus());
      const { saved, failure } = await recordAnswer({
        exerciseId: exercise.id,
        ...where,
        type: exercise.type,
        response,
        score: result.score,
        maxScore: result.maxScore,
      });
      setSaved(saved ? 'saved' : (failure ?? 'failed'));
    },
    reset() {
      touched.current = true;
      setGrade(null);
      setSaved(null);
    },
  };
}

interface FrameProps {
  exercise: Exercise;
  labels: ExerciseLabels;
  answer: AnswerState;
  error: string;
  errorId?: string;
  onCheck: () => void;
  onRetry: () => void;
  /** The inputs, inside the question's fieldset. */
  children: ComponentChildren;
  /** What the verdict explains: the feedback of the chosen options, or of the number. */
  feedback: ComponentChildren;
}

export function ExerciseFrame({ exercise, labels, answer, error, errorId, onCheck, onRetry, children, feedback }: FrameProps) {
  const base = `ex-${exercise.id}`;
  return (
    <section
      class="exercise"
      aria-labelledby={`${base}-q`}
      data-exercise={exercise.id}
      data-type={exercise.type}
      data-progress={answer.ready ? 'read' : 'reading'}
    >
      <p class="kicker">
        <span>{labels.kicker}</span>
        <span>{labels.worth}</span>
      </p>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          onCheck();
        }}
      >
        <fieldset aria-describedby={`${base}-hint`}>
          <legend id={`${base}-q`}>{exercise.question}</legend>
          <p class="hint" id={`${base}-hint`}>
            {labels.instructions}
          </p>
          {children}
        </fieldset>
        {error && (
          <p class="error" id={errorId} role="alert">
            {error}
          </p>
        )}
        <div class="actions">
          {/* Distinct keys: reusing one element would let a click on "try again"
              finish as a submit once the element has become the submit button. */}
          {answer.grade ? (
            <button
              key="retry"
              type="button"
              class="button secondary"
              ref={answer.retryButton}
              onClick={(event) => {
                event.preventDefault();
                answer.reset();
                onRetry();
              }}
            >
              {labels.tryAgain}
            </button>
          ) : (
            <button key="check" type="submit" class="button">
              {labels.check}
            </button>
          )}
        </div>
        <Result grade={answer.grade} labels={labels} saved={answer.saved}>
          {feedback}
        </Result>
      </form>
    </section>
  );
}
