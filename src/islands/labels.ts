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

export interface StatusLabels {
  notStarted: string;
  inProgress: string; // {{points}} {{max}}
  complete: string; // {{points}} {{max}}
  sectionAnswered: string; // {{answered}} {{total}}
  sectionDone: string;
}
