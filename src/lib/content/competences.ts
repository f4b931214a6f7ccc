/**
 * The frameworks the course answers to (syllabus, "Frameworks"): each section
 * names the competences it covers in its front matter. Labels live in the UI
 * strings (ai4k12.<id>, digcomp.<code>).
 */
export const AI4K12_IDEAS = [
  'perception',
  'representation-reasoning',
  'learning',
  'natural-interaction',
  'societal-impact',
] as const;

/** DigComp 2.2 competence numbers (area.competence). */
export const DIGCOMP_COMPETENCES = [
  '1.1', '1.2', '1.3',
  '2.1', '2.2', '2.3', '2.4', '2.5', '2.6',
  '3.1', '3.2', '3.3', '3.4',
  '4.1', '4.2', '4.3', '4.4',
  '5.1', '5.2', '5.3', '5.4',
] as const;

export type Ai4k12Idea = (typeof AI4K12_IDEAS)[number];
export type DigCompCompetence = (typeof DIGCOMP_COMPETENCES)[number];
