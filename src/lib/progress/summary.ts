/**
 * Module progress, derived from the stored answers and the module's list of
 * exercises (its catalogue, computed at build time from the content). Pure.
 */
import type { AnswerRecord } from './schema';

/** One exercise of a module, as the build knows it. */
export interface CatalogEntry {
  id: string;
  sectionId: string;
  maxScore: number;
}

export type ModuleStatus = 'not-started' | 'in-progress' | 'complete';

export interface Tally {
  answered: number;
  total: number;
  points: number;
  maxPoints: number;
}

export interface ModuleSummary extends Tally {
  status: ModuleStatus;
  /** When the module became complete: the latest answer time, if complete. */
  completedAt?: string;
  sections: Record<string, Tally>;
}

/** Share of a module's points needed, with every exercise answered, to complete it (syllabus). */
export const COMPLETION_SHARE = 0.75;

export function summarizeModule(
  catalog: readonly CatalogEntry[],
  answers: ReadonlyMap<string, Pick<AnswerRecord, 'score' | 'answeredAt'>>,
): ModuleSummary {
  const sections: Record<string, Tally> = {};
  const total: Tally = { answered: 0, total: 0, points: 0, maxPoints: 0 };
  let latest = '';
  for (const entry of catalog) {
    const section = (sections[entry.sectionId] ??= { answered: 0, total: 0, points: 0, maxPoints: 0 });
    for (const tally of [section, total]) {
      tally.total++;
      tally.maxPoints += entry.maxScore;
    }
    const answer = answers.get(entry.id);
    if (!answer) continue;
    // A stored score never counts for more than the exercise is worth now.
    const points = Math.max(0, Math.min(answer.score, entry.maxScore));
    for (const tally of [section, total]) {
      tally.answered++;
      tally.points += points;
    }
    if (answer.answeredAt > latest) latest = answer.answeredAt;
  }
  const complete =
    total.total > 0 && total.answered === total.total && total.points >= COMPLETION_SHARE * total.maxPoints;
  const status: ModuleStatus = complete ? 'complete' : total.answered > 0 ? 'in-progress' : 'not-started';
  return { ...total, status, sections, ...(complete ? { completedAt: latest } : {}) };
}
