/**
 * WIDGET "Route search" (Module 2, search and planning): breadth-first search
 * and A* look for a route between two Belgian cities, one step at a time, on
 * a map of motorways where the learner can block roads. The searches
 * themselves are in lib/search; this island only plays their traces back.
 * The search code loads when the learner first reaches the widget (pointer
 * or focus) or presses Step or Play, not with the page: the map alone is
 * enough to show the start.
 */
import { useEffect, useId, useMemo, useState } from 'preact/hooks';
import { fill } from '../../lib/i18n/fill';
import { BELGIAN_MAP, type CityId, type LabelSide, type Road, type RoadId } from '../../lib/search/belgian-map';
import type { FrontierEntry, SearchResult } from '../../lib/search/route-search';

type Engine = typeof import('../../lib/search/route-search');
let engineLoad: Promise<Engine> | null = null;
const loadEngine = () => (engineLoad ??= import('../../lib/search/route-search'));

interface Props {
  strings: Record<string, string>;
  locale: string;
  lang: 'nl' | 'fr' | 'de' | 'en';
}

type Method = 'bfs' | 'astar';
type CityState = 'unreached' | 'frontier' | 'visited' | 'current';

const MAP = BELGIAN_MAP;
const METHODS: Method[] = ['bfs', 'astar'];
const TICK_MS = 600;
const at = (id: CityId) => MAP.cities.find((c) => c.id === id)!;

/** Where a city's name sits around its dot: offset and text anchor. */
const LABEL: Record<LabelSide, [number, number, 'start' | 'middle' | 'end']> = {
  n: [0, -15, 'middle'],
  s: [0, 27, 'middle'],
  e: [13, 11, 'start'],
  w: [-14, 6, 'end'],
  ne: [9, -12, 'start'],
  nw: [-9, -12, 'end'],
  se: [9, 25, 'start'],
  sw: [-9, 25, 'end'],
};

export default function RouteSearch({ strings, locale }: Props) {
  const id = useId();
  const [start, setStart] = useState<CityId>('ostend');
  const [goal, setGoal] = useState<CityId>('arlon');
  const [method, setMethod] = useState<Method>('bfs');
  const [blocked, setBlocked] = useState<ReadonlySet<RoadId>>(() => new Set());
  const [road, setRoad] = useState<RoadId>(MAP.roads[0].id);
  const [shown, setShown] = useState(0); // steps shown so far
  const [playing, setPlaying] = useState(false);
  const [reduced, setReduced] = useState(false);
  const [notice, setNotice] = useState('');
  const [results, setResults] = useState<{ problem: string } & Partial<Record<Method, SearchResult>>>({ problem: '' });

  const [engine, setEngine] = useState<Engine | null>(null);
  // What the learner asked for before the search code had arrived.
  // Steps are counted: every press of Step before the code arrives is kept.
  const [pending, setPending] = useState<number | 'play' | null>(null);
  const trace = useMemo(() => engine?.search(method, MAP, start, goal, blocked) ?? null, [engine, method, start, goal, blocked]);
  const total = trace?.steps.length ?? 0;
  const done = trace !== null && shown >= total;
  const step = trace && shown > 0 ? trace.steps[shown - 1] : null;
  const prepare = () => {
    if (!engine) loadEngine().then(setEngine);
  };
  // The comparison table holds results for one start, goal and set of blocked roads.
  const problem = `${start}>${goal}/${[...blocked].sort().join()}`;

  const nf = useMemo(() => new Intl.NumberFormat(locale), [locale]);
  const byName = useMemo(() => {
    const collator = new Intl.Collator(locale);
    return MAP.cities.map((c) => c.id).sort((a, b) => collator.compare(strings[`city-${a}`], strings[`city-${b}`]));
  }, [locale, strings]);
  const plurals = useMemo(() => new Intl.PluralRules(locale), [locale]);
  const name = (c: CityId) => strings[`city-${c}`];
  const count = (key: string, n: number) => fill(strings[`${key}_${plurals.select(n) === 'one' ? 'one' : 'other'}`], { n: nf.format(n) });
  const roadName = (r: Road) => fill(strings.roadName, { a: name(r.a), b: name(r.b), road: r.name });

  useEffect(() => {
    const query = matchMedia('(prefers-reduced-motion: reduce)');
    const update = () => {
      setReduced(query.matches);
      if (query.matches) setPlaying(false);
    };
    update();
    query.addEventListener('change', update);
    return () => query.removeEventListener('change', update);
  }, []);

  // Playing: one step every TICK_MS until the search ends.
  useEffect(() => {
    if (!playing) return;
    if (done) return setPlaying(false);
    const timer = setTimeout(() => setShown((s) => Math.min(total, s + 1)), TICK_MS);
    return () => clearTimeout(timer);
  }, [playing, shown, total]);

  // A finished run goes into the comparison table.
  useEffect(() => {
    if (done && trace) setResults((r) => ({ ...(r.problem === problem ? r : { problem }), [method]: trace.result }));
  }, [done, trace]);

  // Step or Play pressed while the search code was loading: do it now.
  useEffect(() => {
    if (!trace || !pending) return;
    setPending(null);
    if (typeof pending === 'number') setShown((s) => Math.min(total, s + pending));
    else if (reduced) setShown(total);
    else setPlaying(true);
  }, [trace, pending]);

  function restart(message = '') {
    setShown(0);
    setPlaying(false);
    setNotice(message);
  }

  function toggleRoad(rid: RoadId) {
    const next = new Set(blocked);
    const wasBlocked = next.delete(rid);
    if (!wasBlocked) next.add(rid);
    setBlocked(next);
    setRoad(rid);
    restart(fill(strings[wasBlocked ? 'announceOpened' : 'announceBlocked'], { road: roadName(MAP.roads.find((r) => r.id === rid)!) }));
  }

  function onStep() {
    if (done) return;
    setPlaying(false);
    setNotice('');
    if (!trace) {
      setPending((p) => (typeof p === 'number' ? p + 1 : 1));
      return prepare();
    }
    setShown((s) => Math.min(total, s + 1));
  }

  function onPlay() {
    if (done) return;
    setNotice('');
    if (!trace) {
      setPending('play');
      return prepare();
    }
    if (reduced) setShown(total);
    else setPlaying((p) => !p);
  }

  // What the search knows now, city by city.
  const states = new Map<CityId, CityState>();
  if (step) {
    for (const e of step.frontier) states.set(e.id, 'frontier');
    for (const c of step.visited) states.set(c, 'visited');
    states.set(step.expanded, 'current');
  } else states.set(start, 'frontier');
  const result = done && trace ? trace.result : null;
  const path = result ? result.path : null;
  const routeRoads = new Set(result ? result.roads : []);

  const waiting = (e: FrontierEntry) =>
    method === 'astar' ? fill(strings.astarItem, { city: name(e.id), g: nf.format(e.g), h: nf.format(e.h!), f: nf.format(e.f!) }) : name(e.id);
  const outcome = (r: SearchResult) =>
    r.path
      ? fill(strings.found, { route: r.path.map(name).join(' → '), roads: count('roads', r.hops), km: nf.format(r.km), cities: count('cities', r.expanded) })
      : fill(strings.notFound, { start: name(start), goal: name(goal), cities: count('cities', r.expanded) });

  const description = !step
    ? [notice, fill(strings[method === 'bfs' ? 'readyBfs' : 'readyAstar'], { start: name(start), goal: name(goal) })]
    : [
        fill(strings[method === 'bfs' ? 'stepBfs' : 'stepAstar'], { n: nf.format(shown), city: name(step.expanded) }),
        result ? outcome(result) : fill(strings.visited, { list: step.visited.map(name).join(', ') }),
        done ? '' : step.frontier.length ? fill(strings.queue, { list: step.frontier.map(waiting).join(', ') }) : strings.queueEmpty,
      ];

  const selectCity = (label: string, value: CityId, set: (c: CityId) => void) => (
    <label class="lab-field">
      <span>{label}</span>
      <select
        value={value}
        onChange={(e) => {
          set((e.currentTarget as HTMLSelectElement).value as CityId);
          restart();
        }}
      >
        {byName.map((c) => (
          <option value={c} key={c}>
            {name(c)}
          </option>
        ))}
      </select>
    </label>
  );

  const selected = MAP.roads.find((r) => r.id === road)!;
  const blockedRoads = MAP.roads.filter((r) => blocked.has(r.id));

  return (
    <section class="lab widget w-route-search" aria-labelledby={`${id}-title`} onPointerEnter={prepare} onFocusIn={prepare}>
      <h3 id={`${id}-title`}>{strings.title}</h3>
      <p>{strings.intro}</p>

      <div class="rs-setup">
        {selectCity(strings.start, start, setStart)}
        {selectCity(strings.goal, goal, setGoal)}
        <fieldset class="lab-field">
          <legend>{strings.method}</legend>
          {METHODS.map((m) => (
            <label class="rs-radio" key={m}>
              <input
                type="radio"
                name={`${id}-method`}
                value={m}
                checked={method === m}
                onChange={() => {
                  setMethod(m);
                  restart();
                }}
              />
              {strings[m]}
            </label>
          ))}
        </fieldset>
      </div>

      <fieldset class="lab-field rs-block">
        <legend>{strings.blockLegend}</legend>
        <div class="rs-block-row">
          <label class="lab-field">
            <span>{strings.road}</span>
            <select value={road} onChange={(e) => setRoad((e.currentTarget as HTMLSelectElement).value)}>
              {MAP.roads.map((r) => (
                <option value={r.id} key={r.id}>
                  {fill(strings[blocked.has(r.id) ? 'roadBlocked' : 'roadOption'], { name: roadName(r), km: nf.format(r.km) })}
                </option>
              ))}
            </select>
          </label>
          <button type="button" class="button secondary" onClick={() => toggleRoad(road)}>
            {strings[blocked.has(selected.id) ? 'open' : 'block']}
          </button>
        </div>
        <p class="lab-legend">
          {blockedRoads.length ? fill(strings.blockedList, { list: blockedRoads.map(roadName).join(', ') }) : strings.blockedNone}{' '}
          {strings.mapHint}
        </p>
      </fieldset>

      <div class="lab-actions">
        <button type="button" class="button" aria-disabled={done ? 'true' : undefined} onClick={onStep}>
          {strings.step}
        </button>
        <button type="button" class="button secondary" aria-disabled={done ? 'true' : undefined} onClick={onPlay}>
          {playing ? strings.pause : reduced ? strings.toEnd : strings.play}
        </button>
        <button type="button" class="button secondary" onClick={() => restart()}>
          {strings.reset}
        </button>
      </div>

      <p class="rs-status" aria-live="polite" data-testid="route-status">
        {description.filter(Boolean).join(' ')}
      </p>
      {method === 'astar' && <p class="lab-legend">{strings.astarNote}</p>}

      <figure class="rs-map">
        <svg viewBox={`0 0 ${MAP.width} ${MAP.height}`} role="img" aria-label={strings.mapLabel}>
          {MAP.roads.map((r) => {
            const [a, b] = [at(r.a), at(r.b)];
            const isBlocked = blocked.has(r.id);
            return (
              <g
                key={r.id}
                class={`rs-road${isBlocked ? ' is-blocked' : ''}${routeRoads.has(r.id) ? ' is-route' : ''}`}
                data-road={r.id}
                onClick={() => toggleRoad(r.id)}
              >
                <title>{roadName(r)}</title>
                <line class="rs-hit" x1={a.x} y1={a.y} x2={b.x} y2={b.y} />
                <line class="rs-line" x1={a.x} y1={a.y} x2={b.x} y2={b.y} />
                {isBlocked && (
                  <g class="rs-cross" transform={`translate(${(a.x + b.x) / 2} ${(a.y + b.y) / 2})`}>
                    <circle r="11" />
                    <path d="M-5-5L5 5M5-5L-5 5" />
                  </g>
                )}
              </g>
            );
          })}
          {MAP.cities.map((c) => (
            <CityMark key={c.id} x={c.x} y={c.y} state={states.get(c.id) ?? 'unreached'} />
          ))}
          {MAP.cities.map((c) => {
            const [dx, dy, anchor] = LABEL[c.label];
            const tag = c.id === start ? strings.mapStart : c.id === goal ? strings.mapGoal : '';
            const below = dy > 0;
            return (
              <g key={c.id} class={`rs-label${path?.includes(c.id) ? ' is-route' : ''}`} text-anchor={anchor}>
                <text x={c.x + dx} y={c.y + dy}>
                  {name(c.id)}
                </text>
                {tag && (
                  <text class="rs-tag" x={c.x + dx} y={c.y + dy + (below ? 18 : -19)}>
                    {tag}
                  </text>
                )}
              </g>
            );
          })}
        </svg>
        <figcaption>
          <ul class="rs-legend">
            {(['unreached', 'frontier', 'visited', 'current'] as const).map((s) => (
              <li key={s}>
                <svg viewBox="-16 -16 32 32" aria-hidden="true">
                  <CityMark x={0} y={0} state={s} />
                </svg>
                {strings[`legend${s[0].toUpperCase()}${s.slice(1)}`]}
              </li>
            ))}
            <li>
              <svg viewBox="0 -16 40 32" aria-hidden="true" class="rs-road is-route">
                <line class="rs-line" x1="2" y1="0" x2="38" y2="0" />
              </svg>
              {strings.legendRoute}
            </li>
            <li>
              <svg viewBox="0 -16 40 32" aria-hidden="true" class="rs-road is-blocked">
                <line class="rs-line" x1="2" y1="0" x2="38" y2="0" />
                <g class="rs-cross" transform="translate(20 0)">
                  <circle r="11" />
                  <path d="M-5-5L5 5M5-5L-5 5" />
                </g>
              </svg>
              {strings.legendBlocked}
            </li>
          </ul>
        </figcaption>
      </figure>

      {path && (
        <div class="rs-route">
          <h4>{strings.routeTitle}</h4>
          <ol>
            {path.map((c, i) => {
              const leg = i > 0 && result ? MAP.roads.find((r) => r.id === result.roads[i - 1])! : null;
              return <li key={c}>{leg ? fill(strings.routeLeg, { city: name(c), km: nf.format(leg.km), road: leg.name }) : name(c)}</li>;
            })}
          </ol>
        </div>
      )}

      <table class="rs-compare">
        <caption>{fill(strings.compareCaption, { start: name(start), goal: name(goal) })}</caption>
        <thead>
          <tr>
            <th scope="col">{strings.colMethod}</th>
            <th scope="col">{strings.colVisited}</th>
            <th scope="col">{strings.colRoads}</th>
            <th scope="col">{strings.colKm}</th>
          </tr>
        </thead>
        <tbody>
          {METHODS.map((m) => {
            const r = results.problem === problem ? results[m] : undefined;
            return (
              <tr key={m} data-method={m}>
                <th scope="row">{strings[m]}</th>
                {!r ? (
                  <td colSpan={3}>{strings.notRun}</td>
                ) : (
                  <>
                    <td>{nf.format(r.expanded)}</td>
                    {r.path ? (
                      <>
                        <td>{nf.format(r.hops)}</td>
                        <td>{fill(strings.km, { km: nf.format(r.km) })}</td>
                      </>
                    ) : (
                      <td colSpan={2}>{strings.noRoute}</td>
                    )}
                  </>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

/** A city's dot: hollow circle (not reached), diamond (waiting), filled circle (visited), ringed (this step). */
function CityMark({ x, y, state }: { x: number; y: number; state: CityState }) {
  if (state === 'frontier') return <rect class="rs-city is-frontier" x={x - 7} y={y - 7} width="14" height="14" transform={`rotate(45 ${x} ${y})`} />;
  return (
    <g class={`rs-city is-${state}`}>
      {state === 'current' && <circle class="rs-ring" cx={x} cy={y} r="14" />}
      <circle cx={x} cy={y} r={state === 'unreached' ? 6.5 : 8} />
    </g>
  );
}
