/**
 * WIDGET "natural-frequencies": a medical test as 1,000 people. Three sliders
 * (prevalence, sensitivity, specificity) split the people into ill/healthy and
 * positive/negative; the answer to "how many who test positive are ill?" is
 * shown in whole people, exactly with Bayes' rule, and as a tree. The logic
 * lives in lib/probability/natural-frequencies.ts; nothing here animates.
 */
import type { JSX } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { fill } from '../../lib/i18n/fill';
import {
  frequencies,
  percentDigits,
  posteriorNegative,
  posteriorPositive,
  prevalenceIndex,
  PREVALENCE_STEPS,
} from '../../lib/probability/natural-frequencies';

interface Props {
  strings: Record<string, string>;
  locale: string;
  lang: 'nl' | 'fr' | 'de' | 'en';
}

const POPULATION = 1000;
const COLS = 40;
const ROWS = POPULATION / COLS;
const CELL = 10;
const ID = 'w-nf';

/** People per 1,000 with the condition, and the test's sensitivity and specificity in %. */
interface Setting {
  perThousand: number;
  sensitivity: number;
  specificity: number;
}

const PRESETS: [key: string, setting: Setting][] = [
  ['presetRare', { perThousand: 10, sensitivity: 90, specificity: 91 }],
  ['presetCommon', { perThousand: 300, sensitivity: 90, specificity: 91 }],
  ['presetGoodTest', { perThousand: 10, sensitivity: 99, specificity: 99 }],
];

/** The four groups, in drawing order: ill & positive, ill & negative, healthy & positive, healthy & negative. */
const GROUPS = ['tp', 'fn', 'fp', 'tn'] as const;
type Group = (typeof GROUPS)[number];
const LEGEND: Record<Group, string> = { tp: 'legendTP', fn: 'legendFN', fp: 'legendFP', tn: 'legendTN' };

const circle = (cx: number, cy: number, r: number) => `M${cx - r} ${cy}a${r} ${r} 0 1 0 ${2 * r} 0a${r} ${r} 0 1 0 ${-2 * r} 0`;

/** One path for cells from..to-1: ill are squares, healthy circles; positive filled, negative hollow. */
function shapes(group: Group, from: number, to: number): string {
  let d = '';
  for (let i = from; i < to; i++) {
    const x = (i % COLS) * CELL;
    const y = Math.floor(i / COLS) * CELL;
    if (group === 'tp') d += `M${x + 1} ${y + 1}h8v8h-8z`;
    else if (group === 'fn') d += `M${x + 1.75} ${y + 1.75}h6.5v6.5h-6.5z`;
    else d += circle(x + 5, y + 5, group === 'fp' ? 4 : 3.25);
  }
  return d;
}

function Key({ group }: { group: Group }) {
  return (
    <svg class="nf-key" viewBox="0 0 10 10" width="20" height="20" aria-hidden="true" focusable="false">
      <path class={`nf-${group}`} d={shapes(group, 0, 1)} />
    </svg>
  );
}

export default function NaturalFrequencies({ strings, locale }: Props) {
  const [setting, setSetting] = useState<Setting>(PRESETS[0][1]);
  const { perThousand, sensitivity, specificity } = setting;
  const settings = { prevalence: perThousand / 1000, sensitivity: sensitivity / 100, specificity: specificity / 100 };

  const num = useMemo(() => new Intl.NumberFormat(locale), [locale]);
  const one = useMemo(() => new Intl.PluralRules(locale), [locale]);
  const pct = (p: number, min: number, max = min) =>
    new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: min, maximumFractionDigits: max }).format(p);
  /** A counted share: whole percent, more digits only where needed to avoid "0 %" and "100 %". */
  const share = (p: number) => pct(p, 0, percentDigits(p));
  /** An exact probability: at least one decimal. */
  const exact = (p: number) => pct(p, 1, Math.max(1, percentDigits(p)));
  const n = (x: number) => num.format(x);

  const f = frequencies(settings, POPULATION);
  const counts: Record<Group, number> = { tp: f.truePos, fn: f.falseNeg, fp: f.falsePos, tn: f.trueNeg };
  const pos = posteriorPositive(settings, POPULATION);
  const neg = posteriorNegative(settings, POPULATION);

  function answer(kind: 'positive' | 'negative', total: number, ill: number): string {
    if (total === 0) return strings[kind === 'positive' ? 'noPositives' : 'noNegatives'];
    const illText = ill === 0 ? strings.illNone : fill(strings[one.select(ill) === 'one' ? 'illOne' : 'illOther'], { count: n(ill) });
    const key = kind + (one.select(total) === 'one' ? 'One' : 'Other');
    return fill(strings[key], { total: n(total), ill: illText, share: share(ill / total) });
  }
  const positive = answer('positive', f.positives, f.truePos);
  const negative = answer('negative', f.negatives, f.falseNeg);
  const summary = `${positive} ${negative}`;

  // The live region says the new answer once the learner pauses, not on every slider step.
  const [live, setLive] = useState(summary);
  useEffect(() => {
    const timer = setTimeout(() => setLive(summary), 300);
    return () => clearTimeout(timer);
  }, [summary]);

  // Drawing order fixes where each group starts in the grid.
  const paths = useMemo(() => {
    let start = 0;
    return GROUPS.map((group) => {
      const d = shapes(group, start, start + counts[group]);
      start += counts[group];
      return { group, d };
    });
  }, [f.truePos, f.falseNeg, f.falsePos, f.trueNeg]);

  const legend = (group: Group) => fill(strings[LEGEND[group]], { count: n(counts[group]) });
  const p = settings.prevalence;
  const s = settings.sensitivity;
  const c = settings.specificity;
  const fmt = (x: number) => pct(x, 0, 1);
  const formula = (a: number, b: number, value: number | null) =>
    value === null ? '' : `${fmt(p)} × ${fmt(a)} ÷ (${fmt(p)} × ${fmt(a)} + ${fmt(1 - p)} × ${fmt(b)}) = ${exact(value)}`;

  const slider = (key: 'prevalence' | 'sensitivity' | 'specificity', valueText: string, input: JSX.InputHTMLAttributes<HTMLInputElement>) => (
    <div class="lab-field nf-slider">
      <label for={`${ID}-${key}`}>{strings[key]}</label>
      <input id={`${ID}-${key}`} type="range" aria-valuetext={valueText} {...input} />
      <span class="nf-value" aria-hidden="true">
        {valueText}
      </span>
    </div>
  );
  const percentSlider = (key: 'sensitivity' | 'specificity') =>
    slider(key, fill(strings[`${key}Value`], { percent: pct(setting[key] / 100, 0) }), {
      min: 50,
      max: 100,
      step: 1,
      value: setting[key],
      onInput: (e) => {
        const value = Number(e.currentTarget.value);
        setSetting((old) => ({ ...old, [key]: value }));
      },
    });

  return (
    <section class="lab widget w-natural-frequencies" aria-labelledby={`${ID}-title`}>
      <h3 id={`${ID}-title`}>{strings.title}</h3>
      <p>{fill(strings.intro, { population: n(POPULATION) })}</p>

      <div class="nf-sliders">
        {slider('prevalence', fill(strings.prevalenceValue, { count: n(perThousand), population: n(1000), percent: fmt(p) }), {
          min: 0,
          max: PREVALENCE_STEPS.length - 1,
          step: 1,
          value: prevalenceIndex(perThousand),
          onInput: (e) => {
            const value = PREVALENCE_STEPS[Number(e.currentTarget.value)];
            setSetting((old) => ({ ...old, perThousand: value }));
          },
        })}
        {percentSlider('sensitivity')}
        {percentSlider('specificity')}
      </div>

      <div class="nf-presets" role="group" aria-labelledby={`${ID}-presets`}>
        <span id={`${ID}-presets`}>{strings.presets}</span>
        <div class="lab-actions">
          {PRESETS.map(([key, value]) => (
            <button type="button" class="button secondary" key={key} onClick={() => setSetting(value)}>
              {strings[key]}
            </button>
          ))}
        </div>
      </div>

      <div class="nf-figure">
        <svg
          class="nf-dots"
          viewBox={`0 0 ${COLS * CELL} ${ROWS * CELL}`}
          role="img"
          aria-label={fill(strings.dotsLabel, { population: n(POPULATION), tp: legend('tp'), fn: legend('fn'), fp: legend('fp'), tn: legend('tn') })}
        >
          {paths.map(({ group, d }) => (
            <path key={group} class={`nf-${group}`} d={d} />
          ))}
        </svg>
        <ul class="nf-legend" aria-hidden="true">
          {GROUPS.map((group) => (
            <li key={group}>
              <Key group={group} />
              <span>{legend(group)}</span>
            </li>
          ))}
        </ul>
      </div>

      <h4>{strings.answerTitle}</h4>
      <p class="nf-answer" data-testid="nf-positive">
        {positive}
      </p>
      <p class="nf-answer" data-testid="nf-negative">
        {negative}
      </p>

      <h4>{strings.exactTitle}</h4>
      <p>{strings.exactNote}</p>
      <p class="nf-exact" data-testid="nf-exact-positive">
        {pos.exact === null ? strings.noPositives : fill(strings.exactPositive, { value: exact(pos.exact) })}
        <span class="nf-formula">{formula(s, 1 - c, pos.exact)}</span>
      </p>
      <p class="nf-exact" data-testid="nf-exact-negative">
        {neg.exact === null ? strings.noNegatives : fill(strings.exactNegative, { value: exact(neg.exact) })}
        <span class="nf-formula">{formula(1 - s, c, neg.exact)}</span>
      </p>

      <h4>{strings.treeTitle}</h4>
      <ul class="nf-tree" data-testid="nf-tree">
        <li>
          <span class="nf-node">{fill(strings.treeAll, { count: n(f.population) })}</span>
          <ul>
            {(
              [
                ['treeIll', f.ill, 'tp', 'fn'],
                ['treeHealthy', f.healthy, 'fp', 'tn'],
              ] as const
            ).map(([key, count, yes, no]) => (
              <li key={key}>
                <span class="nf-node">{fill(strings[key], { count: n(count) })}</span>
                <ul>
                  <li>
                    <span class="nf-node">
                      <Key group={yes} />
                      {fill(strings.treePositive, { count: n(counts[yes]) })}
                    </span>
                  </li>
                  <li>
                    <span class="nf-node">
                      <Key group={no} />
                      {fill(strings.treeNegative, { count: n(counts[no]) })}
                    </span>
                  </li>
                </ul>
              </li>
            ))}
          </ul>
        </li>
      </ul>

      <p class="visually-hidden" aria-live="polite" data-testid="nf-live">
        {live}
      </p>
    </section>
  );
}
