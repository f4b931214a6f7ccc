import { describe, expect, it } from 'vitest';
import { betterMeasurement, grade, gradeMultiple, gradeNumber, gradeSingle, meetsObjective } from '../../src/lib/exercises/grade';
import { labObjective, type MultipleChoice, type NumberAnswer, type SingleChoice } from '../../src/lib/exercises/schema';

const option = (correct: boolean) => ({ text: correct ? 'right' : 'wrong', correct, feedback: 'why' });

const single: SingleChoice = {
  id: 's',
  type: 'single',
  points: 1,
  question: 'q',
  options: [option(false), option(true), option(false)],
};

const multiple: MultipleChoice = {
  id: 'm',
  type: 'multiple',
  points: 3,
  question: 'q',
  options: [option(true), option(false), option(true), option(false), option(true), option(false)],
};

const number: NumberAnswer = {
  id: 'n',
  type: 'number',
  points: 1,
  question: 'q',
  answer: 118255.51,
  tolerance: 500,
  feedback: { correct: 'yes', incorrect: 'no' },
};

describe('single choice', () => {
  it('gives all points for the correct option only', () => {
    expect(gradeSingle(single, 1)).toEqual({ score: 1, maxScore: 1, verdict: 'correct' });
    expect(gradeSingle(single, 0)).toEqual({ score: 0, maxScore: 1, verdict: 'incorrect' });
    expect(gradeSingle(single, 2).score).toBe(0);
  });
  it('treats an index outside the options as wrong', () => {
    expect(gradeSingle(single, 7).verdict).toBe('incorrect');
    expect(gradeSingle(single, -1).score).toBe(0);
  });
});

describe('multiple choice (select all that apply)', () => {
  it('gives all points for exactly the correct set', () => {
    expect(gradeMultiple(multiple, [0, 2, 4])).toMatchObject({ score: 3, verdict: 'correct', hits: 3, wrong: 0 });
  });
  it('gives partial credit for some correct picks', () => {
    expect(gradeMultiple(multiple, [0, 2])).toMatchObject({ score: 2, verdict: 'partial', hits: 2, wrong: 0 });
    expect(gradeMultiple(multiple, [4])).toMatchObject({ score: 1, verdict: 'partial' });
  });
  it('subtracts wrong picks, so ticking every box earns nothing', () => {
    expect(gradeMultiple(multiple, [0, 1, 2, 3, 4, 5])).toMatchObject({ score: 0, verdict: 'incorrect', hits: 3, wrong: 3 });
    expect(gradeMultiple(multiple, [0, 2, 4, 1])).toMatchObject({ score: 2, verdict: 'partial' });
    expect(gradeMultiple(multiple, [1, 3])).toMatchObject({ score: 0, verdict: 'incorrect' });
  });
  it('ignores duplicates and indexes outside the options', () => {
    expect(gradeMultiple(multiple, [0, 0, 2, 2, 4, 99, -3])).toMatchObject({ score: 3, verdict: 'correct' });
  });
  it('rounds partial credit down to whole points', () => {
    const two: MultipleChoice = { ...multiple, points: 2 };
    expect(gradeMultiple(two, [0, 2]).score).toBe(1); // 2 × 2/3 = 1.33 → 1
    expect(gradeMultiple(two, [0]).score).toBe(0); // 2 × 1/3 = 0.67 → 0
  });
});

describe('number with tolerance', () => {
  it('accepts answers within the tolerance, edges included', () => {
    expect(gradeNumber(number, 118256).score).toBe(1);
    expect(gradeNumber(number, 118255.51 + 500).verdict).toBe('correct');
    expect(gradeNumber(number, 118255.51 - 500).verdict).toBe('correct');
  });
  it('refuses answers outside it', () => {
    expect(gradeNumber(number, 118755.52).score).toBe(0);
    expect(gradeNumber(number, 11825551).verdict).toBe('incorrect');
    expect(gradeNumber(number, Number.NaN).verdict).toBe('incorrect');
  });
  it('with tolerance 0 wants the exact number', () => {
    const year: NumberAnswer = { ...number, answer: 1956, tolerance: 0 };
    expect(gradeNumber(year, 1956).score).toBe(1);
    expect(gradeNumber(year, 1957).score).toBe(0);
  });
});

describe('grade()', () => {
  it('dispatches on the exercise type', () => {
    expect(grade(single, { type: 'single', selected: 1 }).score).toBe(1);
    expect(grade(multiple, { type: 'multiple', selected: [0, 2, 4] }).score).toBe(3);
    expect(grade(number, { type: 'number', value: 118000, text: '118.000' }).score).toBe(1);
  });
  it('refuses a response of the wrong type', () => {
    expect(() => grade(single, { type: 'number', value: 1, text: '1' })).toThrow(/cannot answer/);
  });
});

describe('lab objectives', () => {
  const accuracy = labObjective.parse({ metric: 'accuracy', atLeast: 0.95 });
  const loss = labObjective.parse({ metric: 'loss', atMost: 0.2 });
  const gap = labObjective.parse({ metric: 'lossGap', atLeast: 0.3 });

  it('meets "at least" objectives from the threshold up, and "at most" ones from the threshold down', () => {
    expect(meetsObjective(accuracy, 0.95)).toBe(true);
    expect(meetsObjective(accuracy, 0.949)).toBe(false);
    expect(meetsObjective(loss, 0.2)).toBe(true);
    expect(meetsObjective(loss, 0.21)).toBe(false);
    expect(meetsObjective(gap, 0.31)).toBe(true);
    expect(meetsObjective(gap, 0.29)).toBe(false);
    expect(meetsObjective(loss, Number.NaN)).toBe(false);
  });

  it('keeps the better measurement: higher for accuracy and the loss gap, lower for the test loss', () => {
    expect(betterMeasurement(accuracy, 0.9, 0.8)).toBe(true);
    expect(betterMeasurement(accuracy, 0.7, 0.8)).toBe(false);
    expect(betterMeasurement(loss, 0.1, 0.3)).toBe(true);
    expect(betterMeasurement(loss, 0.4, 0.3)).toBe(false);
    expect(betterMeasurement(gap, 0.5, 0.3)).toBe(true);
    expect(betterMeasurement(gap, Number.POSITIVE_INFINITY, 0.3)).toBe(false);
    expect(betterMeasurement(loss, 0.5, null)).toBe(true);
  });

  it('refuses a loss gap "at most" or a loss "at least" (each metric has one direction)', () => {
    expect(labObjective.safeParse({ metric: 'lossGap', atMost: 0.3 }).success).toBe(false);
    expect(labObjective.safeParse({ metric: 'loss', atLeast: 0.3 }).success).toBe(false);
  });
});
