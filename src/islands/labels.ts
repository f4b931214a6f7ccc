import type { SaveLabels } from './SaveState';

/** The translated strings an exercise island needs, resolved at build time (see Exercise.astro). */
export interface ExerciseLabels extends SaveLabels {
  kicker: string;
  points: string; // "{{score}} of 2 points"
  worth: string; // "2 points"
  instructions: string;
  check: string;
  tryAgain: string;
  correct: string;
  partlyCorrect: string;
  incorrect: string;
  found: string; // "{{hits}} … {{total}} … {{wrong}}"
  chooseFirst: string;
  numberLabel: string;
  numberInvalid: string;
  picked: string;
}

/** Extra strings of an order exercise. */
export interface OrderLabels {
  moveUp: string; // "Move up: {{item}}"
  moveDown: string; // "Move down: {{item}}"
  moved: string; // "{{item}}: now in place {{position}} of {{total}}."
  rightPlace: string;
  belongsAt: string; // "belongs in place {{position}}"
  placed: string; // "In the right place: {{hits}} of {{total}}."
}

/** Extra strings of a match exercise. */
export interface MatchLabels {
  choose: string; // the empty choice of each list
  chooseAll: string;
  rightPair: string;
  rightAnswer: string; // "The match is: {{answer}}"
  matched: string; // "Right pairs: {{hits}} of {{total}}."
}

/** Extra strings of a free-text exercise judged by the learner. */
export interface TextLabels {
  answer: string;
  writeFirst: string;
  compare: string;
  modelAnswer: string;
  rubric: string;
  save: string;
  ticked: string; // "You ticked {{hits}} of {{total}}."
  edit: string;
}

export interface StatusLabels {
  notStarted: string;
  inProgress: string; // {{points}} {{max}}
  complete: string; // {{points}} {{max}} {{date}}
  sectionAnswered: string; // {{answered}} {{total}}
  sectionDone: string;
}
