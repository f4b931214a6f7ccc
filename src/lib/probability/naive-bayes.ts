/**
 * A naive Bayes spam filter small enough to follow by hand (the "spam-filter"
 * widget). Pure and DOM-free.
 *
 * The variant, chosen so that a learner can redo every number:
 * - Words: the text is put in Unicode normal form C, lower-cased and split on
 *   everything that is not a letter (Unicode letters and their combining
 *   marks, so é, ë, ü and ß stay inside a word; digits and apostrophes split).
 *   Words of one letter and the stop words are skipped.
 * - Training counts, for each word, the messages of each class that contain it
 *   ("in 3 of the 4 spam messages"): a word counts once per message, however
 *   often it appears (Bernoulli style).
 * - Likelihoods use add-one (Laplace) smoothing over the two outcomes
 *   "contains / does not contain": P(word | spam) = (spamCount + 1) / (spamMessages + 2),
 *   and the same for normal ("ham") messages.
 * - Simplification: only the words present in the new message vote. A full
 *   Bernoulli model would also multiply in P(word absent | class) for every
 *   training word missing from the message; we leave those out, so that the
 *   table the learner sees holds exactly the words they typed. A word that
 *   appears twice in the new message votes once.
 * - Prior: P(spam) = spamMessages / (spamMessages + hamMessages), as counted.
 *   Rule for the edge case: when one class has no training message at all,
 *   there is nothing to compare against, and the filter gives no probability
 *   (`spam: null`, `missing` says which class is empty) rather than invent a
 *   50/50 prior. (A 0.5 fallback would also break the property that marking a
 *   message as spam never makes its own words look less like spam.)
 * - The posterior is computed in log space: log odds = log(prior odds) + Σ
 *   log(likelihood ratio), then turned into a probability with a stable
 *   logistic function. Probabilities closer to 0 or 1 than a double can tell
 *   apart are clamped to the nearest double inside (0, 1); `logOdds` keeps the
 *   exact figure.
 */

export interface TrainingMessage {
  text: string;
  spam: boolean;
}

export interface NaiveBayesModel {
  spamMessages: number;
  hamMessages: number;
  /** In how many spam messages each word appears. */
  spamCounts: ReadonlyMap<string, number>;
  /** In how many normal messages each word appears. */
  hamCounts: ReadonlyMap<string, number>;
  /** The stop words used to read the training messages; classify() skips them too. */
  stopWords: ReadonlySet<string>;
}

export interface WordVote {
  word: string;
  /** Spam training messages that contain the word. */
  spamCount: number;
  /** Normal training messages that contain the word. */
  hamCount: number;
  /** (spamCount + 1) / (spamMessages + 2) */
  spamLikelihood: number;
  /** (hamCount + 1) / (hamMessages + 2) */
  hamLikelihood: number;
  /** spamLikelihood / hamLikelihood: above 1 the word pushes towards spam, below 1 towards normal. */
  ratio: number;
}

export type MissingClass = 'spam' | 'ham' | 'both';

export interface Classification {
  /** One row per distinct counted word of the new message, in the order it first appears. */
  words: WordVote[];
  /** Distinct words of the new message that were skipped (one letter or stop word), in order. */
  ignored: string[];
  spamMessages: number;
  hamMessages: number;
  /** spamMessages / total, or null when a class has no message. */
  prior: number | null;
  /** Set when a class has no training message: then there is no probability. */
  missing: MissingClass | null;
  /** Natural log of P(spam | words) / P(normal | words), or null when a class is missing. */
  logOdds: number | null;
  /** P(spam | words), strictly between 0 and 1, or null when a class is missing. */
  spam: number | null;
}

/** A space-separated stop list (as strings.json holds it) as a set of lower-case words. */
export function parseStopWords(list: string): Set<string> {
  return new Set(list.normalize('NFC').toLowerCase().split(/\s+/).filter(Boolean));
}

function toSet(stopWords: Iterable<string>): ReadonlySet<string> {
  return stopWords instanceof Set ? stopWords : new Set(Array.from(stopWords, (w) => w.normalize('NFC').toLowerCase()));
}

/** Every piece of letters in the text, lower-cased, in order (nothing skipped yet). */
function pieces(text: string): string[] {
  return text.normalize('NFC').toLowerCase().split(/[^\p{L}\p{M}]+/u).filter(Boolean);
}

function skipped(word: string, stop: ReadonlySet<string>): boolean {
  return Array.from(word).length < 2 || stop.has(word);
}

/** The words of a text that count, in order, repeats included. */
export function tokenize(text: string, stopWords: Iterable<string> = []): string[] {
  const stop = toSet(stopWords);
  return pieces(text).filter((w) => !skipped(w, stop));
}

/** The distinct counted words and the distinct skipped ones, each in order of first appearance. */
export function splitWords(text: string, stopWords: Iterable<string> = []): { words: string[]; ignored: string[] } {
  const stop = toSet(stopWords);
  const words = new Set<string>();
  const ignored = new Set<string>();
  for (const w of pieces(text)) (skipped(w, stop) ? ignored : words).add(w);
  return { words: [...words], ignored: [...ignored] };
}

/** Counts, per class, the messages that contain each word. */
export function train(messages: readonly TrainingMessage[], stopWords: Iterable<string> = []): NaiveBayesModel {
  const stop = toSet(stopWords);
  const spamCounts = new Map<string, number>();
  const hamCounts = new Map<string, number>();
  let spamMessages = 0;
  for (const m of messages) {
    if (m.spam) spamMessages++;
    const counts = m.spam ? spamCounts : hamCounts;
    for (const w of new Set(tokenize(m.text, stop))) counts.set(w, (counts.get(w) ?? 0) + 1);
  }
  return { spamMessages, hamMessages: messages.length - spamMessages, spamCounts, hamCounts, stopWords: stop };
}

/** The largest double below 1. */
const JUST_BELOW_ONE = 1 - Number.EPSILON / 2;

/** 1 / (1 + e^-x), without overflow, strictly inside (0, 1). */
export function logistic(x: number): number {
  const p = x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
  return Math.min(JUST_BELOW_ONE, Math.max(Number.MIN_VALUE, p));
}

/** The vote of every word of the new message, and the probability that it is spam. */
export function classify(model: NaiveBayesModel, text: string): Classification {
  const { spamMessages: ns, hamMessages: nh } = model;
  const { words, ignored } = splitWords(text, model.stopWords);
  const votes = words.map((word): WordVote => {
    const spamCount = model.spamCounts.get(word) ?? 0;
    const hamCount = model.hamCounts.get(word) ?? 0;
    const spamLikelihood = (spamCount + 1) / (ns + 2);
    const hamLikelihood = (hamCount + 1) / (nh + 2);
    return { word, spamCount, hamCount, spamLikelihood, hamLikelihood, ratio: spamLikelihood / hamLikelihood };
  });
  const missing: MissingClass | null = ns === 0 && nh === 0 ? 'both' : ns === 0 ? 'spam' : nh === 0 ? 'ham' : null;
  if (missing) return { words: votes, ignored, spamMessages: ns, hamMessages: nh, prior: null, missing, logOdds: null, spam: null };
  let logOdds = Math.log(ns) - Math.log(nh);
  for (const v of votes) logOdds += Math.log(v.spamLikelihood) - Math.log(v.hamLikelihood);
  return { words: votes, ignored, spamMessages: ns, hamMessages: nh, prior: ns / (ns + nh), missing: null, logOdds, spam: logistic(logOdds) };
}

/** Which way the filter leans: exactly balanced odds (within rounding) are a tie. */
export function verdictOf(result: Classification): 'spam' | 'ham' | 'tie' | null {
  if (result.logOdds === null) return null;
  if (Math.abs(result.logOdds) < 1e-12) return 'tie';
  return result.logOdds > 0 ? 'spam' : 'ham';
}

/**
 * A probability rounded to whole percent for display, never shown as 0 % or
 * 100 %: below 1 % it reads "under 1 %", above 99 % "over 99 %".
 */
export function displayShare(p: number): { bound: 'under' | 'over' | null; value: number } {
  if (p < 0.005) return { bound: 'under', value: 0.01 };
  if (p >= 0.995) return { bound: 'over', value: 0.99 };
  return { bound: null, value: Math.round(p * 100) / 100 };
}
