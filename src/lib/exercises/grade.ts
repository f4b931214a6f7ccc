/**
 * Grading: pure functions from an exercise and a learner's response to a
 * score. Nothing here touches the page or the store, so every rule is tested
 * on its own (tests/unit/grade.test.ts).
 */
import type {
  Exercise,
  LabExercise,
  LabObjective,
  MatchExercise,
  MultipleChoice,
  NumberAnswer,
  OrderExercise,
  SingleChoice,
  TextExercise,
} from './schema';

export type Response =
  | { type: 'single'; selected: number }
  | { type: 'multiple'; selected: number[] }
  | { type: 'number'; value: number; text: string }
  /** A lab: the measured value of its objective's metric on held-out data. */
  | { type: 'lab'; value: number }
  /** Order: order[position] = the index (in the authored, right order) of the item the learner put there. */
  | { type: 'order'; order: number[] }
  /** Match: chosen[i] = the index of the right-hand text picked for left text i (-1: none). */
  | { type: 'match'; chosen: number[] }
  /** Free text: what the learner wrote, and the rubric items they ticked. */
  | { type: 'text'; text: string; ticked: number[] };

export type Verdict = 'correct' | 'partial' | 'incorrect';

export interface Grade {
  score: number;
  maxScore: number;
  verdict: Verdict;
  /** Multiple choice: correct options picked, wrong options picked, correct options in all.
   *  Order and match: items (pairs) in the right place, and items in all. Text: rubric items ticked, items in all. */
  hits?: number;
  wrong?: number;
  totalCorrect?: number;
}

/** Single choice: all points for the one correct option, none otherwise. */
export function gradeSingle(exercise: SingleChoice, selected: number): Grade {
  const right = exercise.options[selected]?.correct === true;
  return { score: right ? exercise.points : 0, maxScore: exercise.points, verdict: right ? 'correct' : 'incorrect' };
}

/**
 * Select all that apply. Each correct pick earns a share of the points, each
 * wrong pick takes a share away (so ticking everything earns nothing):
 * score = floor(points × max(0, hits − wrong) / correct options).
 * Full points only for exactly the right set.
 */
export function gradeMultiple(exercise: MultipleChoice, selected: readonly number[]): Grade {
  const picked = new Set(selected.filter((i) => Number.isInteger(i) && i >= 0 && i < exercise.options.length));
  const totalCorrect = exercise.options.filter((o) => o.correct).length;
  let hits = 0;
  let wrong = 0;
  for (const i of picked) {
    if (exercise.options[i].correct) hits++;
    else wrong++;
  }
  const exact = hits === totalCorrect && wrong === 0;
  const score = exact ? exercise.points : Math.floor((exercise.points * Math.max(0, hits - wrong)) / totalCorrect);
  const verdict: Verdict = exact ? 'correct' : hits > 0 && hits > wrong ? 'partial' : 'incorrect';
  return { score, maxScore: exercise.points, verdict, hits, wrong, totalCorrect };
}

/** A number within the tolerance of the answer (inclusive) earns all points. */
export function gradeNumber(exercise: NumberAnswer, value: number): Grade {
  // A small epsilon keeps "exactly on the edge" answers from failing on float rounding.
  const right = Number.isFinite(value) && Math.abs(value - exercise.answer) <= exercise.tolerance + 1e-9;
  return { score: right ? exercise.points : 0, maxScore: exercise.points, verdict: right ? 'correct' : 'incorrect' };
}

/** True when a measured metric meets the lab's objective. */
export function meetsObjective(objective: LabObjective, value: number): boolean {
  if (!Number.isFinite(value)) return false;
  return 'atLeast' in objective ? value >= objective.atLeast - 1e-9 : value <= objective.atMost + 1e-9;
}

/** True when `a` is a better measurement than `b` for this objective (higher or lower, by metric). */
export function betterMeasurement(objective: LabObjective, a: number, b: number | null): boolean {
  if (!Number.isFinite(a)) return false;
  return b === null || ('atLeast' in objective ? a > b : a < b);
}

/** A lab objective earns all its points once it is reached. */
export function gradeLab(exercise: LabExercise, value: number): Grade {
  const right = meetsObjective(exercise.objective, value);
  return { score: right ? exercise.points : 0, maxScore: exercise.points, verdict: right ? 'correct' : 'incorrect' };
}

/** Score for `right` of `total` parts: full points only when all are right, else the share, rounded down. */
function shareGrade(points: number, right: number, total: number): Grade {
  const exact = right === total;
  const score = exact ? points : Math.floor((points * right) / total);
  const verdict: Verdict = exact ? 'correct' : right > 0 ? 'partial' : 'incorrect';
  return { score, maxScore: points, verdict, hits: right, totalCorrect: total };
}

/** True when `values` holds each of 0..n-1 exactly once. */
export function isPermutation(values: readonly number[], n: number): boolean {
  if (values.length !== n) return false;
  const seen = new Set<number>();
  for (const v of values) {
    if (!Number.isInteger(v) || v < 0 || v >= n || seen.has(v)) return false;
    seen.add(v);
  }
  return true;
}

/** Order: points for the share of items in their right place. Anything but an arrangement of all items earns nothing. */
export function gradeOrder(exercise: OrderExercise, order: readonly number[]): Grade {
  const n = exercise.items.length;
  if (!isPermutation(order, n)) return shareGrade(exercise.points, 0, n);
  return shareGrade(exercise.points, order.filter((item, position) => item === position).length, n);
}

/** Match: points for the share of left texts given their own right text. */
export function gradeMatch(exercise: MatchExercise, chosen: readonly number[]): Grade {
  const n = exercise.pairs.length;
  const right = chosen.length === n ? chosen.filter((c, i) => c === i).length : 0;
  return shareGrade(exercise.points, right, n);
}

/** Free text, self-assessed: one point for each distinct rubric item ticked. */
export function gradeText(exercise: TextExercise, ticked: readonly number[]): Grade {
  const n = exercise.rubric.length;
  const valid = new Set(ticked.filter((i) => Number.isInteger(i) && i >= 0 && i < n));
  const g = shareGrade(exercise.points, valid.size, n);
  // Each rubric item is worth one point, so the share is exact.
  return { ...g, score: valid.size };
}

export function grade(exercise: Exercise, response: Response): Grade {
  if (exercise.type === 'single' && response.type === 'single') return gradeSingle(exercise, response.selected);
  if (exercise.type === 'multiple' && response.type === 'multiple') return gradeMultiple(exercise, response.selected);
  if (exercise.type === 'number' && response.type === 'number') return gradeNumber(exercise, response.value);
  if (exercise.type === 'lab' && response.type === 'lab') return gradeLab(exercise, response.value);
  if (exercise.type === 'order' && response.type === 'order') return gradeOrder(exercise, response.order);
  if (exercise.type === 'match' && response.type === 'match') return gradeMatch(exercise, response.chosen);
  if (exercise.type === 'text' && response.type === 'text') return gradeText(exercise, response.ticked);
  throw new Error(`A ${response.type} response cannot answer the ${exercise.type} exercise "${exercise.id}"`);
}
