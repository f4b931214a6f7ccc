/**
 * The map of the "route search" widget: 17 Belgian cities at their real
 * (approximate) coordinates and 26 motorway links between them. A road's
 * length is the straight-line (great-circle) distance between its two cities,
 * in whole kilometres, rounded UP: real roads are longer, and a road never
 * shorter than the straight line keeps the A* heuristic (straight-line
 * distance to the goal, rounded down) consistent. Rounding to the nearest km
 * would not quite: a road rounded down (Ghent–Brussels, 50.1 km, would become
 * 50) can then be shorter than the drop in straight-line distance it brings.
 *
 * City ids are lower-case ASCII; the display names live in the widget's
 * strings.json under `city-<id>`, translated.
 */

export const CITY_IDS = [
  'ostend',
  'bruges',
  'ghent',
  'kortrijk',
  'tournai',
  'mons',
  'charleroi',
  'namur',
  'brussels',
  'antwerp',
  'mechelen',
  'leuven',
  'hasselt',
  'liege',
  'eupen',
  'bastogne',
  'arlon',
] as const;

export type CityId = (typeof CITY_IDS)[number];
/** `<a>-<b>` with the two city ids, e.g. `ghent-brussels`. */
export type RoadId = string;

/** Where a city's name goes on the map, seen from its dot. */
export type LabelSide = 'n' | 's' | 'e' | 'w' | 'ne' | 'nw' | 'se' | 'sw';

export interface City {
  id: CityId;
  lat: number;
  lon: number;
  /** Position on the map drawing (viewBox units, y down). */
  x: number;
  y: number;
  label: LabelSide;
}

export interface Road {
  id: RoadId;
  a: CityId;
  b: CityId;
  /** The motorway's name, e.g. `E40` (the same in every language). */
  name: string;
  /** Straight-line length, rounded up to whole kilometres. */
  km: number;
}

export interface RoadMap {
  cities: City[];
  roads: Road[];
  width: number;
  height: number;
}

export const EARTH_RADIUS_KM = 6371;

/** Great-circle distance (haversine formula) in kilometres, not rounded. */
export function haversineKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const s = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(s)));
}

const PLACES: [CityId, number, number, LabelSide][] = [
  ['ostend', 51.2154, 2.9286, 's'],
  ['bruges', 51.2093, 3.2247, 'n'],
  ['ghent', 51.0543, 3.7174, 'n'],
  ['kortrijk', 50.828, 3.2649, 'w'],
  ['tournai', 50.6056, 3.3878, 's'],
  ['mons', 50.4542, 3.9567, 'sw'],
  ['charleroi', 50.4108, 4.4446, 's'],
  ['namur', 50.4674, 4.872, 'e'],
  ['brussels', 50.8467, 4.3525, 'w'],
  ['antwerp', 51.2194, 4.4025, 'n'],
  ['mechelen', 51.0259, 4.4776, 'w'],
  ['leuven', 50.8798, 4.7005, 's'],
  ['hasselt', 50.9307, 5.3325, 'ne'],
  ['liege', 50.6326, 5.5797, 'ne'],
  ['eupen', 50.6275, 6.0364, 's'],
  ['bastogne', 50.0036, 5.7156, 'w'],
  ['arlon', 49.6833, 5.8167, 'w'],
];

const LINKS: [CityId, CityId, string][] = [
  ['ostend', 'bruges', 'E40'],
  ['bruges', 'ghent', 'E40'],
  ['ghent', 'brussels', 'E40'],
  ['brussels', 'leuven', 'E40'],
  ['leuven', 'liege', 'E40'],
  ['liege', 'eupen', 'E40'],
  ['antwerp', 'mechelen', 'E19'],
  ['mechelen', 'brussels', 'E19'],
  ['brussels', 'mons', 'E19'],
  ['ghent', 'antwerp', 'E17'],
  ['ghent', 'kortrijk', 'E17'],
  ['bruges', 'kortrijk', 'E403'],
  ['kortrijk', 'tournai', 'E403'],
  ['tournai', 'brussels', 'A8'],
  ['tournai', 'mons', 'E42'],
  ['mons', 'charleroi', 'E42'],
  ['charleroi', 'namur', 'E42'],
  ['namur', 'liege', 'E42'],
  ['brussels', 'charleroi', 'A54'],
  ['brussels', 'namur', 'E411'],
  ['namur', 'arlon', 'E411'],
  ['antwerp', 'hasselt', 'E313'],
  ['hasselt', 'liege', 'E313'],
  ['leuven', 'hasselt', 'E314'],
  ['liege', 'bastogne', 'E25'],
  ['bastogne', 'arlon', 'E25'],
];

/** Map size in viewBox units, and the empty border kept around the cities for their names (a little wider in the east). */
const WIDTH = 640;
const HEIGHT = 520;
const PAD_LEFT = 55;
const PAD_RIGHT = 75;
const PAD_Y = 45;

/**
 * Equirectangular projection: longitude scaled by cos(50.5°) (Belgium's
 * middle latitude) so that a kilometre is about as long east–west as
 * north–south, fitted and centred in the drawing.
 */
function project(places: typeof PLACES): City[] {
  const k = Math.cos((50.5 * Math.PI) / 180);
  const xs = places.map(([, , lon]) => lon * k);
  const ys = places.map(([, lat]) => -lat);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const scale = Math.min((WIDTH - PAD_LEFT - PAD_RIGHT) / (maxX - minX), (HEIGHT - 2 * PAD_Y) / (maxY - minY));
  const offX = PAD_LEFT + (WIDTH - PAD_LEFT - PAD_RIGHT - (maxX - minX) * scale) / 2;
  const offY = (HEIGHT - (maxY - minY) * scale) / 2;
  return places.map(([id, lat, lon, label], i) => ({
    id,
    lat,
    lon,
    x: Math.round((offX + (xs[i] - minX) * scale) * 10) / 10,
    y: Math.round((offY + (ys[i] - minY) * scale) * 10) / 10,
    label,
  }));
}

function build(): RoadMap {
  const cities = project(PLACES);
  const byId = new Map(cities.map((c) => [c.id, c]));
  const roads = LINKS.map(([a, b, name]) => ({
    id: `${a}-${b}`,
    a,
    b,
    name,
    km: Math.ceil(haversineKm(byId.get(a)!, byId.get(b)!)),
  }));
  return { cities, roads, width: WIDTH, height: HEIGHT };
}

export const BELGIAN_MAP: RoadMap = build();
