/**
 * Route search on a road map, step by step: breadth-first search (fewest
 * roads), A* (shortest distance, guided by the straight-line distance to the
 * goal) and uniform-cost search (Dijkstra: A* without a heuristic). Pure and
 * deterministic: each returns the whole trace of the search, which the widget
 * plays back one step at a time.
 *
 * Conventions shared by all three, so that their counts compare fairly:
 * - a "step" expands one city: it is taken from the frontier, marked visited,
 *   and its open roads are followed (neighbours in order of city id);
 * - the goal test happens when a city is TAKEN from the frontier (expanded),
 *   not when it is discovered: the last step of a successful search expands
 *   the goal, and the goal counts among the cities visited.
 */
import { haversineKm, type City, type CityId, type Road, type RoadId, type RoadMap } from './belgian-map';

export type Algorithm = 'bfs' | 'astar' | 'dijkstra';

/** A city waiting in the frontier. */
export interface FrontierEntry {
  id: CityId;
  /** Kilometres driven from the start along the best way found so far. */
  g: number;
  /** Roads taken from the start along that way. */
  hops: number;
  /** A* only: the straight-line estimate to the goal (whole km) and f = g + h. */
  h?: number;
  f?: number;
}

export interface SearchStep {
  /** The city taken from the frontier in this step. */
  expanded: CityId;
  /** Cities this step added to the frontier (or, for A*, gave a shorter way). */
  added: CityId[];
  /** The frontier after the step, in the order the search will take them. */
  frontier: FrontierEntry[];
  /** Every city expanded so far, in order, this one included. */
  visited: CityId[];
}

export interface SearchResult {
  /** The route from start to goal, or null when the goal cannot be reached. */
  path: CityId[] | null;
  /** The roads along the route, in order (empty when there is none). */
  roads: RoadId[];
  hops: number;
  km: number;
  /** Cities expanded (taken from the frontier), the goal included. */
  expanded: number;
}

export interface SearchTrace {
  algorithm: Algorithm;
  start: CityId;
  goal: CityId;
  steps: SearchStep[];
  result: SearchResult;
}

export interface Neighbour {
  to: CityId;
  road: Road;
}

const adjacency = new WeakMap<RoadMap, Map<CityId, Neighbour[]>>();

/** Every neighbour of a city through any road, ordered by city id. */
function allNeighbours(map: RoadMap, city: CityId): Neighbour[] {
  let table = adjacency.get(map);
  if (!table) {
    table = new Map(map.cities.map((c) => [c.id, [] as Neighbour[]]));
    for (const road of map.roads) {
      table.get(road.a)?.push({ to: road.b, road });
      table.get(road.b)?.push({ to: road.a, road });
    }
    for (const list of table.values()) list.sort((x, y) => compareIds(x.to, y.to));
    adjacency.set(map, table);
  }
  return table.get(city) ?? [];
}

/** The neighbours reachable from a city through open (not blocked) roads, ordered by city id. */
export function neighbours(map: RoadMap, city: CityId, blocked: ReadonlySet<RoadId> = new Set()): Neighbour[] {
  return allNeighbours(map, city).filter((n) => !blocked.has(n.road.id));
}

/** The road joining two cities directly, if any. */
export function roadBetween(map: RoadMap, a: CityId, b: CityId): Road | undefined {
  return allNeighbours(map, a).find((n) => n.to === b)?.road;
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function cityOf(map: RoadMap, id: CityId): City {
  const city = map.cities.find((c) => c.id === id);
  if (!city) throw new Error(`unknown city ${id}`);
  return city;
}

/** Straight-line distance between two cities, in km (not rounded). */
export function straightLineKm(map: RoadMap, a: CityId, b: CityId): number {
  return haversineKm(cityOf(map, a), cityOf(map, b));
}

/** Total length and roads of a route given as a list of cities (throws on a missing road). */
export function routeLength(map: RoadMap, path: CityId[]): { km: number; roads: RoadId[] } {
  let km = 0;
  const roads: RoadId[] = [];
  for (let i = 1; i < path.length; i++) {
    const road = roadBetween(map, path[i - 1], path[i]);
    if (!road) throw new Error(`no road ${path[i - 1]} – ${path[i]}`);
    km += road.km;
    roads.push(road.id);
  }
  return { km, roads };
}

function result(map: RoadMap, parent: Map<CityId, CityId | null>, goal: CityId, found: boolean, expanded: number): SearchResult {
  if (!found) return { path: null, roads: [], hops: 0, km: 0, expanded };
  const path: CityId[] = [];
  for (let c: CityId | null | undefined = goal; c; c = parent.get(c)) path.unshift(c);
  const { km, roads } = routeLength(map, path);
  return { path, roads, hops: path.length - 1, km, expanded };
}

/**
 * Breadth-first search: a first-in-first-out queue, so cities are taken in
 * order of the number of roads from the start; the route found has the fewest
 * roads (not necessarily the fewest km). A city is marked when DISCOVERED and
 * never queued twice; the search stops when the goal is DEQUEUED (taken from
 * the queue), like the other two searches here.
 */
export function bfs(map: RoadMap, start: CityId, goal: CityId, blocked: ReadonlySet<RoadId> = new Set()): SearchTrace {
  const queue: FrontierEntry[] = [{ id: start, g: 0, hops: 0 }];
  const parent = new Map<CityId, CityId | null>([[start, null]]);
  const visited: CityId[] = [];
  const steps: SearchStep[] = [];
  let found = false;
  while (queue.length) {
    const current = queue.shift()!;
    visited.push(current.id);
    const added: CityId[] = [];
    if (current.id === goal) found = true;
    else
      for (const { to, road } of neighbours(map, current.id, blocked)) {
        if (parent.has(to)) continue;
        parent.set(to, current.id);
        queue.push({ id: to, g: current.g + road.km, hops: current.hops + 1 });
        added.push(to);
      }
    steps.push({ expanded: current.id, added, frontier: queue.map((e) => ({ ...e })), visited: [...visited] });
    if (found) break;
  }
  return { algorithm: 'bfs', start, goal, steps, result: result(map, parent, goal, found, visited.length) };
}

/**
 * A* search: the frontier is ordered by f = g + h, the km driven so far plus
 * the straight-line km still to go (h, rounded down to whole km). Ties on f go to
 * the lower h (closer to the goal), then to the lower city id. With a
 * consistent heuristic (checked by the unit tests on the shipped map) a city
 * is never improved after it has been expanded, so the route found is the
 * shortest in km. `heuristic: false` gives uniform-cost search (Dijkstra).
 */
export function astar(
  map: RoadMap,
  start: CityId,
  goal: CityId,
  blocked: ReadonlySet<RoadId> = new Set(),
  { heuristic = true }: { heuristic?: boolean } = {},
): SearchTrace {
  const h = (id: CityId) => (heuristic ? heuristicKm(map, id, goal) : 0);
  const open = new Map<CityId, FrontierEntry>([[start, entry(start, 0, 0, h(start))]]);
  const parent = new Map<CityId, CityId | null>([[start, null]]);
  const closed = new Set<CityId>();
  const visited: CityId[] = [];
  const steps: SearchStep[] = [];
  let found = false;
  while (open.size) {
    const current = ordered(open)[0];
    open.delete(current.id);
    closed.add(current.id);
    visited.push(current.id);
    const added: CityId[] = [];
    if (current.id === goal) found = true;
    else
      for (const { to, road } of neighbours(map, current.id, blocked)) {
        if (closed.has(to)) continue;
        const g = current.g + road.km;
        const known = open.get(to);
        if (known && known.g <= g) continue;
        open.set(to, entry(to, g, current.hops + 1, h(to)));
        parent.set(to, current.id);
        added.push(to);
      }
    const frontier = ordered(open).map((e) => (heuristic ? { ...e } : { id: e.id, g: e.g, hops: e.hops }));
    steps.push({ expanded: current.id, added, frontier, visited: [...visited] });
    if (found) break;
  }
  return { algorithm: heuristic ? 'astar' : 'dijkstra', start, goal, steps, result: result(map, parent, goal, found, visited.length) };
}

/** Uniform-cost search (Dijkstra's algorithm): A* with h = 0. */
export function dijkstra(map: RoadMap, start: CityId, goal: CityId, blocked: ReadonlySet<RoadId> = new Set()): SearchTrace {
  return astar(map, start, goal, blocked, { heuristic: false });
}

/** The A* heuristic: straight-line distance to the goal, rounded down to whole km. */
export function heuristicKm(map: RoadMap, city: CityId, goal: CityId): number {
  return Math.floor(straightLineKm(map, city, goal));
}

function entry(id: CityId, g: number, hops: number, h: number): FrontierEntry {
  return { id, g, hops, h, f: g + h };
}

function ordered(open: Map<CityId, FrontierEntry>): FrontierEntry[] {
  return [...open.values()].sort((a, b) => a.f! - b.f! || a.h! - b.h! || compareIds(a.id, b.id));
}

export function search(
  algorithm: Algorithm,
  map: RoadMap,
  start: CityId,
  goal: CityId,
  blocked: ReadonlySet<RoadId> = new Set(),
): SearchTrace {
  return algorithm === 'bfs' ? bfs(map, start, goal, blocked) : algorithm === 'astar' ? astar(map, start, goal, blocked) : dijkstra(map, start, goal, blocked);
}

/**
 * Every simple route (no city twice) from start to goal through open roads,
 * by depth-first enumeration: exponential in general, fine for a map of 17
 * cities, and the reference the tests compare the searches with.
 */
export function bruteForceRoutes(
  map: RoadMap,
  start: CityId,
  goal: CityId,
  blocked: ReadonlySet<RoadId> = new Set(),
): { path: CityId[]; hops: number; km: number }[] {
  const routes: { path: CityId[]; hops: number; km: number }[] = [];
  const path: CityId[] = [start];
  const onPath = new Set<CityId>([start]);
  const walk = (city: CityId, km: number) => {
    if (city === goal) {
      routes.push({ path: [...path], hops: path.length - 1, km });
      return;
    }
    for (const { to, road } of neighbours(map, city, blocked)) {
      if (onPath.has(to)) continue;
      onPath.add(to);
      path.push(to);
      walk(to, km + road.km);
      path.pop();
      onPath.delete(to);
    }
  };
  walk(start, 0);
  return routes;
}
