import { describe, expect, it } from 'vitest';
import { newToken, onePercent, pendingItems, POPULATION, reportFor, sendPending, sentItems } from '../../src/lib/tally/count';

const modules = ['what-is-ai', 'machine-learning'];
const yes = { tallyChoice: 'yes', tallyToken: 'abcdefghijklmnopqrstuv' };

describe('public count: the learner’s side', () => {
  it('knows the 1 % goals', () => {
    expect(onePercent(POPULATION.belgium)).toBe(118_256);
    expect(onePercent(POPULATION.flanders)).toBe(68_648);
    expect(onePercent(POPULATION.wallonia)).toBe(37_050);
    expect(onePercent(POPULATION.brussels)).toBe(12_558);
    expect(onePercent(POPULATION['german-community'])).toBe(795);
  });
  it('sends nothing without a yes', () => {
    expect(pendingItems(modules, modules, {})).toEqual([]);
    expect(pendingItems(modules, modules, { ...yes, tallyChoice: 'no' })).toEqual([]);
  });
  it('reports each completed module, and the course once every module is complete, once', () => {
    expect(pendingItems(['what-is-ai'], modules, yes)).toEqual(['what-is-ai']);
    expect(pendingItems(modules, modules, yes)).toEqual(['what-is-ai', 'machine-learning', 'course']);
    expect(pendingItems(modules, modules, { ...yes, tallySent: '["what-is-ai","course"]' })).toEqual(['machine-learning']);
    expect(sentItems({ tallySent: 'garbage' })).toEqual([]);
  });
  it('sends exactly the item, language, and only the region and age the learner gave', () => {
    expect(reportFor('what-is-ai', yes, 'nl')).toEqual({ token: yes.tallyToken, item: 'what-is-ai', lang: 'nl' });
    expect(reportFor('course', { ...yes, tallyRegion: 'brussels', tallyAge: '25-34' }, 'fr')).toEqual({
      token: yes.tallyToken, item: 'course', lang: 'fr', region: 'brussels', age: '25-34',
    });
    expect(reportFor('course', { ...yes, tallyRegion: '<script>' }, 'fr')).not.toHaveProperty('region');
  });
  it('makes 128-bit tokens of the service’s format', () => {
    expect(newToken()).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(newToken()).not.toBe(newToken());
  });
  it('offline: nothing is confirmed, everything stays pending; back online: each is sent once', async () => {
    const reports = pendingItems(modules, modules, yes).map((i) => reportFor(i, yes, 'en'));
    const offline = async () => {
      throw new TypeError('Failed to fetch');
    };
    expect(await sendPending('http://t', reports, offline)).toEqual([]);
    const sent: string[] = [];
    const online = async (_url: string, body: string) => {
      sent.push(JSON.parse(body).item);
      return { status: 201 };
    };
    const confirmed = await sendPending('http://t/', reports, online);
    expect(confirmed).toEqual(['what-is-ai', 'machine-learning', 'course']);
    const after = { ...yes, tallySent: JSON.stringify(confirmed) };
    expect(pendingItems(modules, modules, after)).toEqual([]);
    expect(sent).toEqual(['what-is-ai', 'machine-learning', 'course']);
  });
  it('a rate-limited or failing service leaves the rest for later', async () => {
    const reports = ['a', 'b'].map((item) => reportFor(item, yes, 'de'));
    expect(await sendPending('http://t', reports, async () => ({ status: 429 }))).toEqual([]);
    expect(await sendPending('http://t', reports, async () => ({ status: 200 }))).toEqual(['a', 'b']);
  });
});
