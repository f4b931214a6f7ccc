/**
 * The shape of an exercise as authors write it in a section's front matter.
 * The same schema validates content at build time (src/content.config.ts) and
 * types the graders and islands.
 */
import { z } from 'astro/zod';
import { LAB_IDS } from '../../labs/registry';

export const exerciseId = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'exercise ids are lower-case words joined by hyphens');

const text = z.string().trim().min(1);

const choiceOption = z.object({
  text,
  correct: z.boolean().default(false),
  feedback: text,
});

const base = {
  id: exerciseId,
  points: z.number().int().min(1).max(10),
  question: text,
};

export const singleChoice = z
  .object({ ...base, type: z.literal('single'), options: z.array(choiceOption).min(2).max(8) })
  .refine((e) => e.options.filter((o) => o.correct).length === 1, {
    message: 'a single-choice exercise has exactly one correct option',
  });

export const multipleChoice = z
  .object({ ...base, type: z.literal('multiple'), options: z.array(choiceOption).min(2).max(10) })
  .refine((e) => e.options.some((o) => o.correct), {
    message: 'a multiple-choice exercise has at least one correct option',
  });

export const numberAnswer = z.object({
  ...base,
  type: z.literal('number'),
  answer: z.number().finite(),
  tolerance: z.number().min(0),
  unit: z.string().trim().optional(),
  feedback: z.object({ correct: text, incorrect: text }),
});

/** What a lab exercise asks the learner to reach, measured on held-out data. */
export const labObjective = z.discriminatedUnion('metric', [
  z.object({ metric: z.literal('accuracy'), atLeast: z.number().min(0).max(1) }),
  z.object({ metric: z.literal('error'), atMost: z.number().positive() }),
  /** Cross-entropy loss on the test points (lower is better). */
  z.object({ metric: z.literal('loss'), atMost: z.number().positive() }),
  /** Test loss minus training loss: how far a network has overfitted (higher is "better" for an exercise that asks to see it). */
  z.object({ metric: z.literal('lossGap'), atLeast: z.number().positive() }),
]);

/** A lab's objective, graded and stored like any other exercise. */
export const labExercise = z.object({
  ...base,
  type: z.literal('lab'),
  lab: z.enum(LAB_IDS),
  /** Which start the lab takes when one lab is placed several times (e.g. the Playground's data set). */
  preset: z.string().regex(/^[a-z][a-z0-9-]*$/).optional(),
  objective: labObjective,
  feedback: z.object({ correct: text, incorrect: text }),
});

const feedback = z.object({ correct: text, incorrect: text });

/** Put the steps in order: `items` are written in the right order; learners see them shuffled. */
export const orderExercise = z
  .object({ ...base, type: z.literal('order'), items: z.array(text).min(3).max(6), feedback })
  .refine((e) => new Set(e.items).size === e.items.length, { message: 'the items of an order exercise are all different' });

/** Match pairs: for each `left` text the learner picks one of the `right` texts (shown shuffled). */
export const matchExercise = z
  .object({
    ...base,
    type: z.literal('match'),
    pairs: z.array(z.object({ left: text, right: text })).min(3).max(6),
    feedback,
  })
  .refine((e) => new Set(e.pairs.map((p) => p.right)).size === e.pairs.length, {
    message: 'the right-hand texts of a match exercise are all different',
  });

/**
 * A short free text the learner judges against a model answer: one point for
 * each rubric item they tick, so `points` equals the number of rubric items.
 */
export const textExercise = z
  .object({
    ...base,
    type: z.literal('text'),
    modelAnswer: text,
    rubric: z.array(text).min(2).max(4),
  })
  .refine((e) => e.points === e.rubric.length, { message: 'a text exercise is worth one point per rubric item' });

export const exerciseSchema = z.union([
  singleChoice,
  multipleChoice,
  numberAnswer,
  labExercise,
  orderExercise,
  matchExercise,
  textExercise,
]);

export type ChoiceOption = z.infer<typeof choiceOption>;
export type SingleChoice = z.infer<typeof singleChoice>;
export type MultipleChoice = z.infer<typeof multipleChoice>;
export type NumberAnswer = z.infer<typeof numberAnswer>;
export type LabExercise = z.infer<typeof labExercise>;
export type LabObjective = z.infer<typeof labObjective>;
export type OrderExercise = z.infer<typeof orderExercise>;
export type MatchExercise = z.infer<typeof matchExercise>;
export type TextExercise = z.infer<typeof textExercise>;
export type Exercise = z.infer<typeof exerciseSchema>;
export type ExerciseType = Exercise['type'];
