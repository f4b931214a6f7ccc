/** LAB "Teach the camera": the examples in memory, bursts, the split into training and test examples, minimums. */
import { describe, expect, it } from 'vitest';
import {
  addClass,
  addExamples,
  autoSplit,
  cameraJob,
  cleanName,
  createStore,
  deleteExample,
  examplesOf,
  MAX_CLASSES,
  MAX_PER_CLASS,
  MIN_TEST,
  MIN_TRAIN,
  newBurst,
  PIXELS,
  readiness,
  removeClass,
  renameClass,
  shownName,
  splitExamples,
  StoreError,
  trainingData,
  type Store,
} from '../../src/labs/camera/examples';

/** A picture filled with one value, so tests can tell examples apart in the packed arrays. */
const image = (value: number) => new Float32Array(PIXELS).fill(value);

/** Records `sizes.length` bursts of the given sizes into a class. */
function record(store: Store, classId: number, sizes: number[], test = false, value = 0.5): Store {
  for (const size of sizes) {
    const b = newBurst(store);
    store = addExamples(
      b.store,
      classId,
      Array.from({ length: size }, () => image(value)),
      { test, burst: b.burst },
    ).store;
  }
  return store;
}

/** Adds single pictures (drawings, chosen files): each is a burst of one. */
const singles = (store: Store, classId: number, n: number, test = false, value = 0.5) =>
  addExamples(
    store,
    classId,
    Array.from({ length: n }, () => image(value)),
    { test },
  ).store;

const ids = (list: { id: number }[]) => list.map((e) => e.id);
const bursts = (list: { burst: number }[]) => new Set(list.map((e) => e.burst));

describe('classes', () => {
  it('two to four, named by the learner; removing a class removes its examples', () => {
    let store = createStore(['thumbs up', 'flat hand']);
    expect(store.classes.map((c) => c.name)).toEqual(['thumbs up', 'flat hand']);
    store = addClass(store, 'nothing');
    store = addClass(store, 'fist');
    expect(store.classes).toHaveLength(MAX_CLASSES);
    expect(() => addClass(store, 'one too many')).toThrow(StoreError);
    const [a, b, c, d] = store.classes.map((k) => k.id);
    store = singles(store, c, 3);
    store = singles(store, a, 2);
    store = removeClass(store, c);
    expect(store.classes.map((k) => k.id)).toEqual([a, b, d]);
    expect(store.examples.every((e) => e.classId === a)).toBe(true);
    store = removeClass(store, d);
    expect(store.classes).toHaveLength(2);
    expect(() => removeClass(store, b)).toThrow(/too-few-classes/);
    expect(() => createStore(['only one'])).toThrow(StoreError);
  });

  it('names are shortened and cleaned of control and direction characters; shown trimmed, or as a fallback when empty', () => {
    // Spaces stay while the learner types ("thumbs " on the way to "thumbs up").
    expect(cleanName('thumbs ')).toBe('thumbs ');
    expect(cleanName('  thumbs\u202e up \n')).toBe('  thumbs up ');
    expect(cleanName('x'.repeat(80))).toHaveLength(30);
    expect(shownName('  flat hand ', 'Class 2')).toBe('flat hand');
    expect(shownName(' \u200e ', 'Class 2')).toBe('Class 2');
    const store = renameClass(createStore(['a', 'b']), 2, 'flat\u0007 hand');
    expect(store.classes[1].name).toBe('flat hand');
  });
});

describe('adding and deleting examples', () => {
  it('a burst shares one number; single pictures get one each; ids are unique', () => {
    let store = createStore(['a', 'b']);
    store = record(store, 1, [4]);
    store = singles(store, 1, 3);
    const mine = examplesOf(store, 1);
    expect(mine).toHaveLength(7);
    expect(bursts(mine.slice(0, 4)).size).toBe(1);
    expect(bursts(mine.slice(4)).size).toBe(3);
    expect(new Set(ids(store.examples)).size).toBe(7);
  });

  it('refuses pictures of the wrong size and unknown classes', () => {
    const store = createStore(['a', 'b']);
    expect(() => addExamples(store, 1, [new Float32Array(10)], { test: false })).toThrow(/bad-image/);
    expect(() => addExamples(store, 99, [image(0)], { test: false })).toThrow(/no-such-class/);
  });

  it('stops at the maximum per class and says how many it took', () => {
    let store = singles(createStore(['a', 'b']), 1, MAX_PER_CLASS - 2);
    const result = addExamples(store, 1, [image(0), image(0), image(0), image(0)], { test: false });
    expect(result.added).toBe(2);
    expect(examplesOf(result.store, 1)).toHaveLength(MAX_PER_CLASS);
    store = result.store;
    expect(addExamples(store, 2, [image(0)], { test: false }).added).toBe(1);
  });

  it('deleting an example removes exactly that one and changes the counts', () => {
    let store = singles(createStore(['a', 'b']), 1, 25);
    const victim = examplesOf(store, 1)[6];
    store = deleteExample(store, victim.id);
    expect(examplesOf(store, 1)).toHaveLength(24);
    expect(ids(store.examples)).not.toContain(victim.id);
    const split = splitExamples(store).get(1)!;
    expect(split.train.length + split.test.length).toBe(24);
    // Deleting an id that is not there changes nothing.
    expect(deleteExample(store, 12345).examples).toHaveLength(24);
  });
});

describe('the automatic split: about 20 % of each class, whole bursts only', () => {
  it('never puts frames of one burst on both sides', () => {
    // Bursts of varied sizes, as a learner holding the button for different times would record.
    const sizes = [7, 12, 3, 9, 10, 4, 15, 6, 8, 11, 5, 2];
    const store = record(createStore(['a', 'b']), 1, sizes);
    const { train, test } = splitExamples(store).get(1)!;
    const trainBursts = bursts(train);
    for (const b of bursts(test)) expect(trainBursts.has(b)).toBe(false);
    expect(train.length + test.length).toBe(92);
    // About 20 %: within one burst of the ideal.
    expect(Math.abs(test.length - 0.2 * 92)).toBeLessThanOrEqual(Math.max(...sizes));
    expect(test.length / 92).toBeGreaterThan(0.1);
    expect(test.length / 92).toBeLessThan(0.3);
  });

  it('three bursts of ten: one burst (10) for testing, twenty for training', () => {
    const { train, test, auto } = autoSplit(examplesOf(record(createStore(['a', 'b']), 1, [10, 10, 10]), 1));
    expect([train.length, test.length, auto]).toEqual([20, 10, true]);
  });

  it('twenty-five single pictures: exactly five test examples, spread over the recording', () => {
    const store = singles(createStore(['a', 'b']), 1, 25);
    const all = ids(examplesOf(store, 1));
    const { train, test } = splitExamples(store).get(1)!;
    expect([train.length, test.length]).toEqual([MIN_TRAIN, MIN_TEST]);
    // Not just the last five: the 3rd, 8th, 13th, 18th and 23rd picture.
    expect(ids(test)).toEqual([2, 7, 12, 17, 22].map((i) => all[i]));
  });

  it('the first burst always trains; a single burst cannot be split', () => {
    expect(autoSplit(examplesOf(record(createStore(['a', 'b']), 1, [40]), 1)).test).toHaveLength(0);
    expect(autoSplit([]).test).toHaveLength(0);
    const { train } = autoSplit(examplesOf(record(createStore(['a', 'b']), 1, [3, 3, 3, 3, 3]), 1));
    expect(train[0].burst).toBe(examplesOf(record(createStore(['a', 'b']), 1, [3]), 1)[0].burst);
  });

  it('is the same every time for the same examples', () => {
    const store = record(singles(createStore(['a', 'b']), 1, 9), 1, [6, 4, 8]);
    expect(ids(splitExamples(store).get(1)!.test)).toEqual(ids(splitExamples(store).get(1)!.test));
  });

  it('each class is split on its own', () => {
    let store = record(createStore(['a', 'b']), 1, [10, 10, 10, 10, 10]);
    store = singles(store, 2, 50);
    const split = splitExamples(store);
    expect(split.get(1)!.test).toHaveLength(10);
    expect(split.get(2)!.test).toHaveLength(10);
  });
});

describe('explicit test examples', () => {
  it('are used as they are, and nothing else of that class is set aside', () => {
    let store = createStore(['a', 'b']);
    store = record(store, 1, [10, 10, 10]);
    store = record(store, 1, [3], true);
    store = singles(store, 1, 2, true);
    store = record(store, 2, [10, 10, 10]);
    const split = splitExamples(store);
    const a = split.get(1)!;
    expect(a.auto).toBe(false);
    expect(a.test).toHaveLength(5);
    expect(a.test.every((e) => e.test)).toBe(true);
    expect(a.train).toHaveLength(30);
    // The other class, without explicit test examples, still gets the automatic split.
    expect(split.get(2)!.auto).toBe(true);
    expect(split.get(2)!.test).toHaveLength(10);
  });
});

describe('minimums', () => {
  it('at least 20 training and 5 test examples in every class before training', () => {
    let store = createStore(['a', 'b']);
    store = singles(store, 1, 25);
    store = singles(store, 2, 24);
    let check = readiness(store, splitExamples(store));
    expect(check.ok).toBe(false);
    expect(check.classes[0]).toEqual({ classId: 1, train: 20, test: 5, needTrain: 0, needTest: 0 });
    expect(check.classes[1].needTrain + check.classes[1].needTest).toBe(1);
    store = singles(store, 2, 1);
    check = readiness(store, splitExamples(store));
    expect(check.ok).toBe(true);
    // A third, empty class blocks training until it has examples too.
    store = addClass(store, 'c');
    check = readiness(store, splitExamples(store));
    expect(check.ok).toBe(false);
    expect(check.classes[2]).toMatchObject({ needTrain: MIN_TRAIN, needTest: MIN_TEST });
  });

  it('a class recorded in one long burst has no test examples: it must record another burst', () => {
    let store = record(createStore(['a', 'b']), 1, [40]);
    store = singles(store, 2, 30);
    expect(readiness(store, splitExamples(store)).classes[0]).toMatchObject({ train: 40, test: 0, needTest: MIN_TEST });
  });
});

describe('the training data', () => {
  it('packs training and test examples with labels in class order, and keeps the test examples for display', () => {
    let store = createStore(['a', 'b']);
    store = singles(store, 2, 25, false, 0.75);
    store = singles(store, 1, 25, false, 0.25);
    const split = splitExamples(store);
    const data = trainingData(store, split);
    expect(data.names).toEqual(['a', 'b']);
    expect(data.x).toHaveLength(40 * PIXELS);
    expect(data.testX).toHaveLength(10 * PIXELS);
    expect(Array.from(data.y)).toEqual([...new Array(20).fill(0), ...new Array(20).fill(1)]);
    expect(Array.from(data.testY)).toEqual([...new Array(5).fill(0), ...new Array(5).fill(1)]);
    // Pixels follow their labels.
    expect(data.x[0]).toBe(0.25);
    expect(data.x[20 * PIXELS]).toBe(0.75);
    expect(data.testX[5 * PIXELS]).toBe(0.75);
    expect(data.testExamples.map((e) => e.classId)).toEqual([...new Array(5).fill(1), ...new Array(5).fill(2)]);
    // No test example is a training example.
    const trainIds = new Set([...split.values()].flatMap((s) => ids(s.train)));
    expect(data.testExamples.some((e) => trainIds.has(e.id))).toBe(false);

    const job = cameraJob(data, 50);
    expect(job.model).toBe('cnn');
    expect(job.cnn).toMatchObject({ width: 32, height: 32, channels: 3, architecture: 'camera' });
    expect(job.classes).toBe(2);
    expect(job.features).toBe(PIXELS);
  });
});
