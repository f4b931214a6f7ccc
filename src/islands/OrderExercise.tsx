/**
 * Put the steps in order. The items start shuffled (never one in its right
 * place) and move up or down with buttons, so the exercise needs neither a
 * mouse nor dragging; each move is announced. Grading: lib/exercises/grade.ts.
 */
import { useRef, useState } from 'preact/hooks';
import { gradeOrder, isPermutation } from '../lib/exercises/grade';
import type { OrderExercise as OrderExerciseData } from '../lib/exercises/schema';
import { shuffledIndices } from '../lib/exercises/shuffle';
import { fill } from '../lib/i18n/fill';
import { ExerciseFrame, useAnswer } from './ExerciseFrame';
import type { ExerciseLabels, OrderLabels } from './labels';
import { useDraft } from './useDraft';

interface Props {
  exercise: OrderExerciseData;
  moduleId: string;
  sectionId: string;
  labels: ExerciseLabels;
  texts: OrderLabels;
}

export default function OrderExercise({ exercise, moduleId, sectionId, labels, texts }: Props) {
  const n = exercise.items.length;
  const start = () => shuffledIndices(exercise.id, n, true);
  const draft = useDraft(`ex-${exercise.id}`, start(), (v): v is number[] => Array.isArray(v) && isPermutation(v, n));
  const [order, setOrderState] = useState<number[]>(draft.value);
  const setOrder = (next: number[]) => {
    setOrderState(next);
    draft.set(next);
  };
  const [announce, setAnnounce] = useState('');
  const list = useRef<HTMLOListElement>(null);

  const answer = useAnswer(exercise, { moduleId, sectionId }, (record) => {
    const r = record.response;
    if (r.type !== 'order' || !isPermutation(r.order, n)) return null;
    setOrderState(r.order);
    return gradeOrder(exercise, r.order);
  }, draft.restored);

  function move(position: number, by: -1 | 1) {
    const to = position + by;
    if (to < 0 || to >= n) return;
    answer.touch();
    const next = [...order];
    [next[position], next[to]] = [next[to], next[position]];
    setOrder(next);
    setAnnounce(fill(texts.moved, { item: exercise.items[next[to]], position: to + 1, total: n }));
    // Keep focus on the same button of the moved item; at the list's end, on its other button.
    requestAnimationFrame(() => {
      const row = list.current?.children[to];
      const buttons = row?.querySelectorAll<HTMLButtonElement>('button');
      const wanted = by === -1 ? (to === 0 ? 1 : 0) : to === n - 1 ? 0 : 1;
      buttons?.[wanted]?.focus();
    });
  }

  function check() {
    draft.clear();
    setAnnounce('');
    answer.submit({ type: 'order', order }, gradeOrder(exercise, order));
  }

  function retry() {
    requestAnimationFrame(() => list.current?.querySelector<HTMLButtonElement>('button:not([disabled])')?.focus());
  }

  const { grade } = answer;
  return (
    <ExerciseFrame
      exercise={exercise}
      labels={labels}
      answer={answer}
      error=""
      onCheck={check}
      onRetry={retry}
      feedback={
        grade && (
          <>
            <p>{fill(texts.placed, { hits: grade.hits ?? 0, total: n })}</p>
            <p>{grade.verdict === 'correct' ? exercise.feedback.correct : exercise.feedback.incorrect}</p>
          </>
        )
      }
    >
      <ol class="order-list" ref={list}>
        {order.map((item, position) => {
          const text = exercise.items[item];
          const mark = grade ? (item === position ? 'right' : 'wrong') : undefined;
          return (
            <li key={item} class="order-item" data-mark={mark}>
              <span class="order-text">
                {text}
                {mark && (
                  <span class="order-mark">
                    {mark === 'right' ? `✓ ${texts.rightPlace}` : `✗ ${fill(texts.belongsAt, { position: item + 1 })}`}
                  </span>
                )}
              </span>
              {!grade && (
                <span class="order-buttons">
                  <button
                    type="button"
                    class="button secondary icon"
                    aria-label={fill(texts.moveUp, { item: text })}
                    disabled={position === 0}
                    onClick={() => move(position, -1)}
                  >
                    <span aria-hidden="true">↑</span>
                  </button>
                  <button
                    type="button"
                    class="button secondary icon"
                    aria-label={fill(texts.moveDown, { item: text })}
                    disabled={position === n - 1}
                    onClick={() => move(position, 1)}
                  >
                    <span aria-hidden="true">↓</span>
                  </button>
                </span>
              )}
            </li>
          );
        })}
      </ol>
      <p class="visually-hidden" aria-live="polite">
        {announce}
      </p>
    </ExerciseFrame>
  );
}
