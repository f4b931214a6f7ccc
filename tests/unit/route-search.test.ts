/** Route search (Module 2 widget): the Belgian map, and BFS / A* / Dijkstra checked against every simple route. */
import { describe, expect, it } from 'vitest';
import { BELGIAN_MAP, CITY_IDS, haversineKm, type CityId, type RoadId } from '../../src/lib/search/belgian-map';
import {
  astar,
  bfs,
  bruteForceRoutes,
  dijkstra,
  heuristicKm,
  neighbours,
  roadBetween,
  routeLength,
  straightLineKm,
  type SearchTrace,
} from '../../src/lib/search/route-search';
import strings from '../../src/widgets/route-search/strings.json';

const map = BELGIAN_MAP;
const ids = map.cities.map((c) => c.id);
const pairs = ids.flatMap((a) => ids.filter((b) => b !== a).map((b) => [a, b] as [CityId, CityId]));
const BLOCKINGS: RoadId[][] = [[], ['ghent-brussels'], ['namur-arlon'], ['ghent-brussels', 'namur-arlon', 'brussels-leuven', 'liege-bastogne']];

/** A route is valid when it starts and ends right, repeats no city, and every leg is an open road. */
function expectValidRoute(path: CityId[], start: CityId, goal: CityId, blocked: Set<RoadId>) {
  expect(path[0]).toBe(start);
  expect(path.at(-1)).toBe(goal);
  expect(new Set(path).size).toBe(path.length);
  for (let i = 1; i < path.length; i++) {
    const road = roadBetween(map, path[i - 1], path[i]);
    expect(road, `${path[i - 1]} – ${path[i]}`).toBeDefined();
    expect(blocked.has(road!.id), `${road!.id} is blocked`).toBe(false);
  }
}

/** Properties every trace has, whatever the algorithm. */
function expectSoundTrace(trace: SearchTrace) {
  const { steps, result } = trace;
  expect(result.expanded).toBe(steps.length);
  expect(steps[0].expanded).toBe(trace.start);
  const expanded = steps.map((s) => s.expanded);
  expect(new Set(expanded).size).toBe(expanded.length); // no city expanded twice
  steps.forEach((s, i) => {
    expect(s.visited).toEqual(expanded.slice(0, i + 1));
    const waiting = s.frontier.map((e) => e.id);
    expect(new Set(waiting).size).toBe(waiting.length); // no city twice in the frontier
    expect(waiting.filter((id) => s.visited.includes(id))).toEqual([]);
  });
  if (result.path) {
    expect(steps.at(-1)!.expanded).toBe(trace.goal); // the goal test is on expansion
    expect(result.hops).toBe(result.path.length - 1);
    expect(result.km).toBe(routeLength(map, result.path).km);
    expect(result.roads).toEqual(routeLength(map, result.path).roads);
  } else {
    expect(steps.at(-1)!.frontier).toEqual([]); // gave up only when nothing was left to try
    expect(expanded).not.toContain(trace.goal);
  }
}

describe('the Belgian map', () => {
  it('has the 17 cities and 26 roads, each road between two known, different cities, none twice', () => {
    expect(ids).toEqual([...CITY_IDS]);
    expect(map.cities).toHaveLength(17);
    expect(map.roads).toHaveLength(26);
    const known = new Set<string>(ids);
    const seen = new Set<string>();
    for (const road of map.roads) {
      expect(known.has(road.a) && known.has(road.b), road.id).toBe(true);
      expect(road.a).not.toBe(road.b);
      const key = [road.a, road.b].sort().join('|');
      expect(seen.has(key), road.id).toBe(false);
      seen.add(key);
      expect(road.id).toBe(`${road.a}-${road.b}`);
      expect(road.name).toMatch(/^[AE]\d+$/);
    }
    expect(new Set(map.roads.map((r) => r.id)).size).toBe(26);
  });

  it('is connected: every city can be reached from Ostend', () => {
    const reached = new Set<CityId>(['ostend']);
    const todo: CityId[] = ['ostend'];
    while (todo.length) for (const { to } of neighbours(map, todo.pop()!)) if (!reached.has(to)) reached.add(to), todo.push(to);
    expect([...reached].sort()).toEqual([...ids].sort());
  });

  it('measures distances like a hand calculation', () => {
    // One degree of latitude is 6371 × π / 180 ≈ 111.19 km.
    expect(haversineKm({ lat: 50, lon: 4 }, { lat: 51, lon: 4 })).toBeCloseTo(111.19, 1);
    expect(straightLineKm(map, 'brussels', 'antwerp')).toBeGreaterThan(40);
    expect(straightLineKm(map, 'brussels', 'antwerp')).toBeLessThan(43);
    const ostendBruges = roadBetween(map, 'ostend', 'bruges')!;
    expect(ostendBruges.km).toBeGreaterThanOrEqual(20);
    expect(ostendBruges.km).toBeLessThanOrEqual(22);
    expect(roadBetween(map, 'namur', 'arlon')!.km).toBeGreaterThanOrEqual(109);
    expect(roadBetween(map, 'namur', 'arlon')!.km).toBeLessThanOrEqual(112);
  });

  it('gives every road its straight-line length in whole km, never shorter than the straight line', () => {
    for (const road of map.roads) {
      const exact = straightLineKm(map, road.a, road.b);
      expect(Number.isInteger(road.km)).toBe(true);
      expect(road.km, road.id).toBeGreaterThanOrEqual(exact);
      expect(road.km, road.id).toBeLessThan(exact + 1);
    }
  });

  it('draws every city inside the picture, west to the left and north at the top', () => {
    for (const c of map.cities) {
      expect(c.x).toBeGreaterThan(0);
      expect(c.x).toBeLessThan(map.width);
      expect(c.y).toBeGreaterThan(0);
      expect(c.y).toBeLessThan(map.height);
    }
    const at = (id: CityId) => map.cities.find((c) => c.id === id)!;
    expect(at('ostend').x).toBeLessThan(at('eupen').x);
    expect(at('antwerp').y).toBeLessThan(at('arlon').y);
  });

  it('has a heuristic that is admissible and consistent for every goal', () => {
    for (const goal of ids) {
      expect(heuristicKm(map, goal, goal)).toBe(0);
      for (const road of map.roads)
        for (const [n, m] of [
          [road.a, road.b],
          [road.b, road.a],
        ] as const)
          expect(heuristicKm(map, n, goal), `${n} → ${m} towards ${goal}`).toBeLessThanOrEqual(road.km + heuristicKm(map, m, goal));
      for (const start of ids) {
        const shortest = dijkstra(map, start, goal).result.km;
        expect(heuristicKm(map, start, goal)).toBeLessThanOrEqual(shortest);
      }
    }
  });

  it('names every city in each language', () => {
    for (const lang of ['en', 'nl', 'fr', 'de'] as const)
      for (const id of ids) expect((strings[lang] as Record<string, string>)[`city-${id}`]?.trim(), `${lang} ${id}`).toBeTruthy();
    expect(strings.fr['city-liege']).toBe('Liège');
    expect(strings.nl['city-liege']).toBe('Luik');
    expect(strings.de['city-liege']).toBe('Lüttich');
  });
});

describe('widget strings', () => {
  const placeholders = (s: string) => [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();
  it('have the same keys, none empty, and the same placeholders in all four languages', () => {
    const all = strings as Record<string, Record<string, string>>;
    expect(Object.keys(all).sort()).toEqual(['de', 'en', 'fr', 'nl']);
    const keys = Object.keys(all.en).sort();
    for (const lang of ['nl', 'fr', 'de']) {
      expect(Object.keys(all[lang]).sort(), lang).toEqual(keys);
      for (const k of keys) {
        expect(all[lang][k].trim(), `${lang}/${k}`).not.toBe('');
        expect(placeholders(all[lang][k]), `${lang}/${k}`).toEqual(placeholders(all.en[k]));
      }
    }
  });
});

describe('searching every ordered pair of cities', () => {
  for (const blockedList of BLOCKINGS) {
    const blocked = new Set(blockedList);
    it(`with ${blockedList.length ? blockedList.join(', ') : 'no road'} blocked: BFS has the fewest roads, A* the fewest km`, () => {
      for (const [start, goal] of pairs) {
        const routes = bruteForceRoutes(map, start, goal, blocked);
        const b = bfs(map, start, goal, blocked);
        const a = astar(map, start, goal, blocked);
        const d = dijkstra(map, start, goal, blocked);
        for (const trace of [b, a, d]) expectSoundTrace(trace);
        if (routes.length === 0) {
          expect([b.result.path, a.result.path, d.result.path]).toEqual([null, null, null]);
          continue;
        }
        const fewestHops = Math.min(...routes.map((r) => r.hops));
        const fewestKm = Math.min(...routes.map((r) => r.km));
        const label = `${start} → ${goal}`;
        expectValidRoute(b.result.path!, start, goal, blocked);
        expectValidRoute(a.result.path!, start, goal, blocked);
        expect(b.result.hops, label).toBe(fewestHops);
        expect(a.result.km, label).toBe(fewestKm);
        expect(d.result.km, label).toBe(fewestKm);
        expect(a.result.expanded, label).toBeLessThanOrEqual(d.result.expanded);
      }
    });
  }

  it('the brute force finds each route once, and only routes without a repeated city', () => {
    // Ostend has one road only, so there is exactly one simple route to Bruges.
    expect(bruteForceRoutes(map, 'ostend', 'bruges')).toEqual([{ path: ['ostend', 'bruges'], hops: 1, km: roadBetween(map, 'ostend', 'bruges')!.km }]);
    const routes = bruteForceRoutes(map, 'bruges', 'ghent');
    const keys = routes.map((r) => r.path.join('>'));
    expect(keys).toContain('bruges>ghent');
    expect(keys).toContain('bruges>kortrijk>ghent');
    expect(new Set(keys).size).toBe(routes.length);
    for (const r of routes) {
      expectValidRoute(r.path, 'bruges', 'ghent', new Set());
      expect(r.km).toBe(routeLength(map, r.path).km);
    }
    expect(routes.length).toBeGreaterThan(10);
    // Blocking the direct road removes exactly the routes that use it.
    const without = bruteForceRoutes(map, 'bruges', 'ghent', new Set(['bruges-ghent']));
    expect(without.length).toBe(routes.filter((r) => !r.path.join('>').includes('bruges>ghent')).length);
  });
});

describe('breadth-first search and A*, one step at a time', () => {
  it('default example: from Ostend to Arlon', () => {
    const b = bfs(map, 'ostend', 'arlon');
    expect(b.result.path).toEqual(['ostend', 'bruges', 'ghent', 'brussels', 'namur', 'arlon']);
    expect(b.result.hops).toBe(5);
    // BFS takes cities in order of roads from Ostend, neighbours in order of id.
    expect(b.steps.slice(0, 3).map((s) => s.expanded)).toEqual(['ostend', 'bruges', 'ghent']);
    expect(b.steps[1].frontier.map((e) => e.id)).toEqual(['ghent', 'kortrijk']);
    expect(b.steps[1].added).toEqual(['ghent', 'kortrijk']);
    expect(b.steps[2].frontier.map((e) => e.id)).toEqual(['kortrijk', 'antwerp', 'brussels']);
    const a = astar(map, 'ostend', 'arlon');
    expect(a.result.km).toBe(b.result.km);
    expect(a.result.expanded).toBeLessThan(b.result.expanded);
    // The frontier of A* comes best first: by f = g + h, then h.
    for (const s of a.steps) {
      for (const e of s.frontier) expect(e.f).toBe(e.g + e.h!);
      for (let i = 1; i < s.frontier.length; i++) {
        const [p, q] = [s.frontier[i - 1], s.frontier[i]];
        expect(p.f! < q.f! || (p.f === q.f && p.h! <= q.h!)).toBe(true);
      }
    }
  });

  it('BFS and A* disagree where the fewest roads are not the fewest km (Ostend to Eupen)', () => {
    const b = bfs(map, 'ostend', 'eupen').result;
    const a = astar(map, 'ostend', 'eupen').result;
    expect(b.path).toContain('hasselt');
    expect(a.path).toEqual(['ostend', 'bruges', 'ghent', 'brussels', 'leuven', 'liege', 'eupen']);
    expect(a.km).toBeLessThan(b.km);
    expect(b.hops).toBeLessThanOrEqual(a.hops);
  });

  it('blocking a road changes the route', () => {
    const open = astar(map, 'ostend', 'arlon').result;
    const blocked = astar(map, 'ostend', 'arlon', new Set(['namur-arlon'])).result;
    expect(open.roads).toContain('namur-arlon');
    expect(blocked.roads).not.toContain('namur-arlon');
    expect(blocked.path).toContain('bastogne');
    expect(blocked.km).toBeGreaterThan(open.km);
  });

  it('blocking every road of a city makes it unreachable', () => {
    for (const city of ids) {
      const blocked = new Set(map.roads.filter((r) => r.a === city || r.b === city).map((r) => r.id));
      const start: CityId = city === 'brussels' ? 'ostend' : 'brussels';
      for (const trace of [bfs(map, start, city, blocked), astar(map, start, city, blocked), bfs(map, city, start, blocked)]) {
        expect(trace.result.path, `${trace.start} → ${trace.goal}`).toBeNull();
        expectSoundTrace(trace);
      }
      expect(bruteForceRoutes(map, start, city, blocked)).toEqual([]);
    }
  });

  it('a search from a city to itself ends at once', () => {
    for (const trace of [bfs(map, 'namur', 'namur'), astar(map, 'namur', 'namur')]) {
      expect(trace.result).toEqual({ path: ['namur'], roads: [], hops: 0, km: 0, expanded: 1 });
      expect(trace.steps).toHaveLength(1);
    }
  });

  it('is deterministic', () => {
    const blocked = new Set(['ghent-brussels']);
    expect(bfs(map, 'bruges', 'eupen', blocked)).toEqual(bfs(map, 'bruges', 'eupen', blocked));
    expect(astar(map, 'bruges', 'eupen', blocked)).toEqual(astar(map, 'bruges', 'eupen', blocked));
  });
});
