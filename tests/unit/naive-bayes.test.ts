import { describe, expect, it } from 'vitest';
import {
  classify,
  displayShare,
  logistic,
  parseStopWords,
  splitWords,
  tokenize,
  train,
  verdictOf,
  type TrainingMessage,
} from '../../src/lib/probability/naive-bayes';
import strings from '../../src/widgets/spam-filter/strings.json';

const EN_STOP = 'the a an to at of and in on for is it you your';

describe('tokenize', () => {
  it('lower-cases, splits on non-letters and keeps accented letters inside words', () => {
    expect(tokenize('Gratis prijs! Nú klikken')).toEqual(['gratis', 'prijs', 'nú', 'klikken']);
    expect(tokenize('Straße, ÜBERRASCHUNG; Noël…')).toEqual(['straße', 'überraschung', 'noël']);
    expect(tokenize('win-win 4ever n’oublie')).toEqual(['win', 'win', 'ever', 'oublie']);
  });
  it('reads a decomposed é (e + combining accent) as the same word as a composed one', () => {
    expect(tokenize('Cafe\u0301 café')).toEqual(['café', 'café']);
  });
  it('skips one-letter words and stop words, and says which were skipped', () => {
    const stop = parseStopWords(EN_STOP);
    expect(tokenize('I bet it is a prize at the Station', stop)).toEqual(['bet', 'prize', 'station']);
    expect(splitWords('Is it free? Click at the link, at the link!', stop)).toEqual({
      words: ['free', 'click', 'link'],
      ignored: ['is', 'it', 'at', 'the'],
    });
    expect(splitWords('I won 1 x', stop)).toEqual({ words: ['won'], ignored: ['i', 'x'] });
  });
  it('reads the stop list of strings.json in every language', () => {
    for (const lang of ['en', 'nl', 'fr', 'de'] as const) {
      const stop = parseStopWords(strings[lang].stopWords);
      expect(stop.size).toBeGreaterThan(5);
      expect(stop.size).toBeLessThanOrEqual(20); // short enough to keep the counting transparent
      for (const w of stop) expect(w).toBe(w.toLowerCase());
    }
    expect(tokenize('Le prix de la soirée', parseStopWords(strings.fr.stopWords))).toEqual(['prix', 'soirée']);
  });
});

describe('train', () => {
  it('counts the messages that contain a word, once per message', () => {
    const model = train([
      { text: 'prize prize prize', spam: true },
      { text: 'Prize money', spam: true },
      { text: 'money for lunch', spam: false },
    ], parseStopWords(EN_STOP));
    expect(model.spamMessages).toBe(2);
    expect(model.hamMessages).toBe(1);
    expect(model.spamCounts.get('prize')).toBe(2);
    expect(model.spamCounts.get('money')).toBe(1);
    expect(model.hamCounts.get('money')).toBe(1);
    expect(model.hamCounts.has('for')).toBe(false);
  });
});

describe('classify, against hand calculations', () => {
  const tiny: TrainingMessage[] = [
    { text: 'win prize now', spam: true },
    { text: 'prize money', spam: true },
    { text: 'lunch now', spam: false },
    { text: 'see you at lunch', spam: false },
  ];

  it('the tiny example: "prize now" is spam with probability 3/4', () => {
    // 2 spam, 2 normal: prior 2/4 = 1/2.
    // prize: in 2 of 2 spam, 0 of 2 normal → (2+1)/(2+2) = 3/4 vs (0+1)/(2+2) = 1/4, ratio 3.
    // now:   in 1 of 2 spam, 1 of 2 normal → (1+1)/4 = 1/2 vs (1+1)/4 = 1/2, ratio 1.
    // spam: 1/2 · 3/4 · 1/2 = 3/16; normal: 1/2 · 1/4 · 1/2 = 1/16 → P(spam) = 3/16 / (4/16) = 3/4.
    const r = classify(train(tiny, parseStopWords(EN_STOP)), 'prize now');
    expect(r.prior).toBe(0.5);
    expect(r.missing).toBeNull();
    expect(r.words.map((w) => [w.word, w.spamCount, w.hamCount])).toEqual([
      ['prize', 2, 0],
      ['now', 1, 1],
    ]);
    expect(r.words[0].spamLikelihood).toBeCloseTo(3 / 4, 12);
    expect(r.words[0].hamLikelihood).toBeCloseTo(1 / 4, 12);
    expect(r.words[0].ratio).toBeCloseTo(3, 12);
    expect(r.words[1].ratio).toBeCloseTo(1, 12);
    expect(Math.abs(r.spam! - 3 / 4)).toBeLessThan(1e-9);
    expect(Math.abs(r.logOdds! - Math.log(3))).toBeLessThan(1e-9);
    expect(verdictOf(r)).toBe('spam');
  });

  it('an uneven prior: 3 spam, 1 normal, "prize now lunch" is (just) not spam, 243/493', () => {
    // prior 3/4.
    // prize: 2 of 3 spam, 0 of 1 normal → (2+1)/(3+2) = 3/5 vs (0+1)/(1+2) = 1/3
    // now:   1 of 3 spam, 1 of 1 normal → 2/5 vs 2/3
    // lunch: 0 of 3 spam, 1 of 1 normal → 1/5 vs 2/3
    // spam: 3/4 · 3/5 · 2/5 · 1/5 = 18/500; normal: 1/4 · 1/3 · 2/3 · 2/3 = 1/27
    // P(spam) = (18/500) / (18/500 + 1/27) = 486 / (486 + 500) = 243/493 ≈ 0.4929
    const model = train([
      { text: 'win prize now', spam: true },
      { text: 'prize money', spam: true },
      { text: 'free money', spam: true },
      { text: 'lunch now', spam: false },
    ]);
    const r = classify(model, 'Prize, now! Lunch?');
    expect(r.prior).toBe(0.75);
    expect(Math.abs(r.spam! - 243 / 493)).toBeLessThan(1e-9);
    expect(verdictOf(r)).toBe('ham');
  });

  it('a word that appears twice in the new message votes once', () => {
    const model = train(tiny);
    expect(classify(model, 'prize prize now now').spam).toBe(classify(model, 'prize now').spam);
    expect(classify(model, 'prize prize now').words).toHaveLength(2);
  });

  it('an unseen word multiplies the odds by (hamMessages + 2) / (spamMessages + 2)', () => {
    const uneven = train([...tiny, { text: 'free money now', spam: true }]); // 3 spam, 2 normal
    const without = classify(uneven, 'prize now');
    const withUnseen = classify(uneven, 'prize now zebra');
    const zebra = withUnseen.words.find((w) => w.word === 'zebra')!;
    expect(zebra.spamCount).toBe(0);
    expect(zebra.hamCount).toBe(0);
    expect(zebra.ratio).toBeCloseTo((2 + 2) / (3 + 2), 12);
    expect(withUnseen.logOdds! - without.logOdds!).toBeCloseTo(Math.log(4 / 5), 12);
    expect(withUnseen.spam!).toBeLessThan(without.spam!);
    // With as many spam as normal messages the factors cancel.
    const balanced = train(tiny);
    expect(classify(balanced, 'prize now zebra').spam!).toBeCloseTo(classify(balanced, 'prize now').spam!, 12);
  });

  it('a message with no counted word gets the prior', () => {
    const model = train([...tiny, { text: 'prize', spam: true }], parseStopWords(EN_STOP));
    const r = classify(model, 'the a I at');
    expect(r.ignored).toEqual(['the', 'a', 'i', 'at']);
    expect(r.words).toEqual([]);
    expect(r.spam!).toBeCloseTo(3 / 5, 12);
  });

  it('without a message of one class, there is no probability (and it says which class is missing)', () => {
    const onlySpam = classify(train([{ text: 'prize now', spam: true }]), 'prize');
    expect(onlySpam.missing).toBe('ham');
    expect(onlySpam.spam).toBeNull();
    expect(verdictOf(onlySpam)).toBeNull();
    expect(onlySpam.words[0]).toMatchObject({ word: 'prize', spamCount: 1, hamCount: 0, spamLikelihood: 2 / 3, hamLikelihood: 1 / 2 });
    expect(classify(train([{ text: 'lunch', spam: false }]), 'lunch').missing).toBe('spam');
    expect(classify(train([]), 'lunch').missing).toBe('both');
  });

  it('balanced odds are a tie', () => {
    const r = classify(train(tiny), 'now');
    expect(r.spam).toBe(0.5);
    expect(verdictOf(r)).toBe('tie');
  });
});

describe('properties', () => {
  // A small deterministic generator, so that the cases are the same on every run.
  function random(seed: number) {
    return () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
  }
  const vocabulary = 'free prize click now win money lunch bread train tonight boots station sunday claim link'.split(' ');

  it('marking a normal message as spam never lowers the spam probability of its own words', () => {
    const next = random(7);
    let checked = 0;
    for (let round = 0; round < 300; round++) {
      const size = 2 + Math.floor(next() * 8);
      const messages: TrainingMessage[] = Array.from({ length: size }, () => ({
        text: Array.from({ length: 1 + Math.floor(next() * 5) }, () => vocabulary[Math.floor(next() * vocabulary.length)]).join(' '),
        spam: next() < 0.5,
      }));
      messages.forEach((m, i) => {
        if (m.spam) return;
        const before = classify(train(messages), m.text);
        const after = classify(train(messages.map((n, j) => (j === i ? { ...n, spam: true } : n))), m.text);
        if (before.spam === null || after.spam === null) return; // a class is empty: no probability to compare
        expect(after.logOdds!).toBeGreaterThan(before.logOdds!);
        expect(after.spam).toBeGreaterThanOrEqual(before.spam);
        checked++;
      });
    }
    expect(checked).toBeGreaterThan(200);
  });

  it('the probability stays inside (0, 1) and finite with 50 words, where a plain product would not', () => {
    const words = Array.from({ length: 50 }, (_, i) => `word${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}`);
    const spamText = words.join(' ');
    const messages: TrainingMessage[] = [
      ...Array.from({ length: 20 }, () => ({ text: spamText, spam: true })),
      { text: 'lunch', spam: false },
    ];
    const model = train(messages);
    const spammy = classify(model, spamText);
    expect(spammy.words).toHaveLength(50);
    expect(Number.isFinite(spammy.logOdds!)).toBe(true);
    // Each word: (20+1)/(20+2) vs (0+1)/(1+2): log odds = log 20 + 50 · log(63/22).
    expect(spammy.logOdds!).toBeCloseTo(Math.log(20) + 50 * Math.log(63 / 22), 9);
    expect(spammy.spam!).toBeGreaterThan(0.5);
    expect(spammy.spam!).toBeLessThan(1);

    const hammy = classify(train(messages.map((m) => ({ ...m, spam: !m.spam }))), spamText);
    expect(Number.isFinite(hammy.logOdds!)).toBe(true);
    expect(hammy.spam!).toBeGreaterThan(0);
    expect(hammy.spam!).toBeLessThan(0.5);
  });

  it('the logistic function is stable at the extremes', () => {
    expect(logistic(0)).toBe(0.5);
    expect(logistic(Math.log(3))).toBeCloseTo(0.75, 15);
    expect(logistic(-Math.log(3))).toBeCloseTo(0.25, 15);
    for (const x of [800, 5000, -800, -5000]) {
      const p = logistic(x);
      expect(p).toBeGreaterThan(0);
      expect(p).toBeLessThan(1);
    }
    expect(logistic(-40)).toBeCloseTo(Math.exp(-40), 30);
  });
});

describe('displayShare', () => {
  it('rounds to whole percent, never to 0 % or 100 %', () => {
    expect(displayShare(0.876)).toEqual({ bound: null, value: 0.88 });
    expect(displayShare(0.5)).toEqual({ bound: null, value: 0.5 });
    expect(displayShare(0.994)).toEqual({ bound: null, value: 0.99 });
    expect(displayShare(0.996)).toEqual({ bound: 'over', value: 0.99 });
    expect(displayShare(0.004)).toEqual({ bound: 'under', value: 0.01 });
    expect(displayShare(0.006)).toEqual({ bound: null, value: 0.01 });
  });
});

describe('the widget’s training messages', () => {
  // The built-in examples, read as the widget reads them, give a clear verdict
  // in every language; the e2e test relies on the English figures.
  for (const lang of ['en', 'nl', 'fr', 'de'] as const) {
    it(`${lang}: the prefilled message is spam, odds 48 to 1`, () => {
      const s = strings[lang] as Record<string, string>;
      const stop = parseStopWords(s.stopWords);
      const messages = [1, 2, 3, 4].flatMap((i) => [
        { text: s[`spam${i}`], spam: true },
        { text: s[`ham${i}`], spam: false },
      ]);
      const r = classify(train(messages, stop), s.newMessage);
      // Prior 4 : 4; votes ×4 (free), ×2 (prize), ×1 (tonight), ×3 (click), ×2 (now): odds 48 to 1.
      expect(r.spam!).toBeCloseTo(48 / 49, 12);
      expect(r.ignored.length).toBeGreaterThan(0); // the prefilled message shows a skipped word
      expect(r.ignored.every((w) => stop.has(w))).toBe(true);
    });
  }
});
