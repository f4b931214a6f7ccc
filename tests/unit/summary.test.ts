import { describe, expect, it } from 'vitest';
import { summarizeModule, type CatalogEntry } from '../../src/lib/progress/summary';

const catalog: CatalogEntry[] = [
  { id: 'a', sectionId: 's1', maxScore: 1 },
  { id: 'b', sectionId: 's1', maxScore: 2 },
  { id: 'c', sectionId: 's2', maxScore: 1 },
];
const answers = (entries: Record<string, [number, string]>) =>
  new Map(Object.entries(entries).map(([id, [score, answeredAt]]) => [id, { score, answeredAt }]));

describe('summarizeModule', () => {
  it('is not started without answers', () => {
    expect(summarizeModule(catalog, new Map())).toMatchObject({ status: 'not-started', answered: 0, total: 3, points: 0, maxPoints: 4 });
  });

  it('is in progress with some answers, and counts points per section', () => {
    const s = summarizeModule(catalog, answers({ a: [1, '2026-01-01'], b: [1, '2026-01-02'] }));
    expect(s).toMatchObject({ status: 'in-progress', answered: 2, points: 2 });
    expect(s.sections).toEqual({
      s1: { answered: 2, total: 2, points: 2, maxPoints: 3 },
      s2: { answered: 0, total: 1, points: 0, maxPoints: 1 },
    });
    expect(s.completedAt).toBeUndefined();
  });

  it('is complete when all exercises are answered and at least 75 % of the points earned', () => {
    const s = summarizeModule(catalog, answers({ a: [1, '2026-01-01'], b: [1, '2026-01-05'], c: [1, '2026-01-03'] }));
    expect(s).toMatchObject({ status: 'complete', points: 3, maxPoints: 4, completedAt: '2026-01-05' });
  });

  it('is not complete below 75 %, even with everything answered', () => {
    const s = summarizeModule(catalog, answers({ a: [1, 'x'], b: [0, 'x'], c: [1, 'x'] }));
    expect(s.status).toBe('in-progress');
  });

  it('ignores answers to exercises the module no longer has, and caps old scores', () => {
    const s = summarizeModule(catalog, answers({ gone: [5, 'x'], a: [9, 'x'] }));
    expect(s).toMatchObject({ answered: 1, points: 1 });
  });
});
