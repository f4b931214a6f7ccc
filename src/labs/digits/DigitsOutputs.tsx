/**
 * What the Digits lab shows once the learner uses it: the 28 × 28 picture the
 * network gets, its ten probabilities, the feature maps of the first layer of
 * filters, and after training the confusion matrix and the mistakes. Loaded
 * with import() on first use, so that a lesson page's JavaScript stays small.
 */
import { useEffect, useMemo, useRef } from 'preact/hooks';
import { fill } from '../../lib/i18n/fill';
import { confusionMatrix } from '../../lib/ml/metrics';
import type { Prediction, Progress } from '../../lib/ml/protocol';
import type { DigitSet } from './data';
import { SIDE } from './settings';
import { mapOf, rankMistakes, rgbaFromInk, strongestRegion, topAnswers } from './view';

const DIGITS = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];

/** The live text for a prediction: the answer and the runner-up. */
export function answerText(result: Prediction, strings: Record<string, string>, pct: (v: number) => string): string {
  const [first, second] = topAnswers(result.probabilities);
  return `${fill(strings.answer, { digit: first.digit, value: pct(first.probability) })} ${fill(strings.runnerUp, { digit: second.digit, value: pct(second.probability) })}`;
}

/** A grey picture (0..1, ink = 1; or 0..scale) drawn on a small canvas, scaled up by CSS. */
function Picture({ values, size, label, scale = 1 }: { values: ArrayLike<number> | null; size: number; label?: string; scale?: number }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const ctx = ref.current?.getContext('2d');
    if (!ctx) return;
    if (values) ctx.putImageData(new ImageData(rgbaFromInk(values, scale) as Uint8ClampedArray<ArrayBuffer>, size, size), 0, 0);
    else ctx.clearRect(0, 0, size, size);
  }, [values, scale]);
  return <canvas ref={ref} width={size} height={size} role={label ? 'img' : undefined} aria-label={label} aria-hidden={label ? undefined : 'true'} />;
}

interface Props {
  id: string;
  strings: Record<string, string>;
  pct: (v: number) => string;
  count: (n: number) => string;
  /** The network's input now (null: nothing drawn or picked). */
  picture: Float32Array | null;
  pictureLabel: string;
  prediction: Prediction | null;
  hasModel: boolean;
  /** The latest progress with test results, and the data they belong to (null before training). */
  progress: Progress | null;
  data: DigitSet | null;
  testIndex: number | null;
  onPick: (index: number) => void;
}

export default function DigitsOutputs({ id, strings, pct, count, picture, pictureLabel, prediction, hasModel, progress, data, testIndex, onPick }: Props) {
  const predictions = progress?.testPredictions ?? null;
  const testLabels = data?.test.labels ?? null;
  const results = hasModel && predictions && testLabels && predictions.length === testLabels.length ? { predictions, testLabels } : null;
  const matrix = useMemo(() => (results ? confusionMatrix(results.testLabels, results.predictions, 10) : null), [predictions, testLabels, hasModel]);
  const wrong = useMemo(
    () => (results ? rankMistakes(results.testLabels, results.predictions, progress?.testProbabilities, 10) : []),
    [predictions, testLabels, hasModel],
  );
  const wrongCount = matrix ? matrix.reduce((s, row, i) => s + row.reduce((a, n, j) => a + (i === j ? 0 : n), 0), 0) : 0;

  const answers = prediction ? topAnswers(prediction.probabilities, 1) : [];
  const top = answers[0];
  const maps = prediction?.maps;
  const mapMax = maps ? Math.max(1e-6, ...maps.data) : 1;
  const mapText = (f: number) => {
    const where = maps ? strongestRegion(maps.data, maps.height, maps.width, maps.filters, f) : 'none';
    return where === 'none' ? fill(strings.mapQuiet, { n: f + 1 }) : fill(strings.mapStrongest, { n: f + 1, where: strings[`region-${where}`] });
  };

  return (
    <>
      <div class="digits-outputs">
        <figure class="digits-sees">
          <Picture values={picture} size={SIDE} label={pictureLabel} />
          <figcaption>{strings.networkSees}</figcaption>
        </figure>

        <div class="digits-probabilities" data-predict-ms={prediction ? prediction.ms.toFixed(1) : undefined}>
          <h3 class="digits-heading">{strings.probTitle}</h3>
          {!hasModel ? (
            <p class="lab-legend">{strings.probNone}</p>
          ) : !prediction || !top ? (
            <p class="lab-legend">{strings.probDrawFirst}</p>
          ) : (
            <>
              <p class="digits-answer" data-testid="answer">
                {fill(strings.answer, { digit: top.digit, value: pct(top.probability) })}
              </p>
              <ol class="digits-bars" aria-label={strings.probTitle}>
                {DIGITS.map((d) => {
                  const p = prediction.probabilities[d];
                  return (
                    <li key={d} data-top={d === top.digit ? 'true' : undefined}>
                      <span class="digits-digit">{d}</span>
                      <span class="digits-bar" aria-hidden="true">
                        <span style={`width:${(p * 100).toFixed(1)}%`} />
                      </span>
                      <span class="digits-value">{pct(p)}</span>
                    </li>
                  );
                })}
              </ol>
            </>
          )}
        </div>

        <figure class="digits-maps-figure">
          <figcaption>
            <strong>{strings.mapsTitle}</strong> {maps ? strings.mapsHelp : strings.mapsNone}
          </figcaption>
          {maps && (
            <div class="digits-maps">
              {Array.from({ length: maps.filters }, (_, f) => (
                <figure key={f}>
                  <Picture values={mapOf(maps.data, maps.filters, f)} size={maps.width} scale={mapMax} label={mapText(f)} />
                  <figcaption>{fill(strings.mapLabel, { n: f + 1 })}</figcaption>
                </figure>
              ))}
            </div>
          )}
        </figure>
      </div>

      {results && progress && data && (
        <div class="lab-results">
          <p class="lab-score" data-testid="test-accuracy">
            {fill(strings.testAccuracy, { value: pct(progress.test), total: count(progress.testPredictions.length) })}
          </p>
          {matrix && (
            <div class="digits-matrix" role="region" aria-labelledby={`${id}-matrix`} tabIndex={0}>
              <table class="lab-matrix">
                <caption id={`${id}-matrix`}>{strings.matrixTitle}</caption>
                <thead>
                  <tr>
                    <th scope="col">{strings.matrixCorner}</th>
                    {DIGITS.map((d) => (
                      <th scope="col" key={d}>
                        {d}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {matrix.map((row, i) => (
                    <tr key={i}>
                      <th scope="row">{i}</th>
                      {row.map((n, j) => (
                        <td key={j} data-diagonal={i === j ? 'true' : undefined}>
                          {n}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <h3 class="digits-heading">{strings.mistakesTitle}</h3>
          {wrong.length === 0 ? (
            <p>{strings.noMistakes}</p>
          ) : (
            <>
              <p class="lab-legend">
                {fill(strings.mistakesHelp, { count: count(wrongCount), total: count(progress.testPredictions.length), shown: wrong.length })}
              </p>
              <ul class="digits-mistakes">
                {wrong.map((i) => {
                  const truth = results.testLabels[i];
                  const answer = results.predictions[i];
                  const p = progress.testProbabilities?.[i * 10 + answer] ?? 0;
                  return (
                    <li key={i}>
                      <button type="button" aria-pressed={testIndex === i ? 'true' : 'false'} onClick={() => onPick(i)}>
                        <Picture values={data.test.images.subarray(i * SIDE * SIDE, (i + 1) * SIDE * SIDE)} size={SIDE} scale={255} />
                        {/* The visible caption starts the button's name; the rest is for screen readers. */}
                        <span>{fill(strings.mistakeCaption, { truth, answer })}</span>{' '}
                        <span class="visually-hidden">{fill(strings.mistakeLabel, { n: i + 1, truth, answer, value: pct(p) })}</span>
                      </button>
                    </li>
                  );
                })}
              </ul>
            </>
          )}
        </div>
      )}
    </>
  );
}
