/**
 * The question and the choices of the public count (loaded by TallyConsent
 * only when it is to be shown). What would be sent is shown in full.
 */
import { useState } from 'preact/hooks';
import { fill } from '../lib/i18n/fill';
import { saveSetting, type ProgressSnapshot } from '../lib/progress/client';
import { AGE_BANDS, COURSE, newToken, REGIONS, reportFor, sentItems } from '../lib/tally/count';
import { syncTally } from '../lib/tally/sync';
import type { TallyProps } from './TallyConsent';

export function TallyForm({ mode, modules, labels, lang, impactHref, progress, completed, onDecided }: TallyProps & {
  progress: ProgressSnapshot;
  completed: TallyProps['modules'];
  onDecided: () => void;
}) {
  const [region, setRegion] = useState<string | null>(null);
  const [age, setAge] = useState<string | null>(null);
  const [saved, setSaved] = useState('');
  const settings = progress.settings;
  const choice = settings.tallyChoice;

  if (mode === 'prompt' && saved) {
    return (
      <p class="notice" role="status" data-tally="prompt">
        {saved}
      </p>
    );
  }
  if (mode === 'prompt' && (choice || completed.length === 0)) return null;

  const r = region ?? settings.tallyRegion ?? '';
  const a = age ?? settings.tallyAge ?? '';
  const token = settings.tallyToken ?? '';
  const item = completed.length === modules.length ? COURSE : (completed[completed.length - 1]?.id ?? modules[0]?.id ?? COURSE);
  const preview = JSON.stringify(reportFor(item, { ...settings, tallyToken: token || '…', tallyRegion: r, tallyAge: a }, lang), null, 1);

  async function decide(yes: boolean) {
    onDecided();
    if (yes && !token) await saveSetting('tallyToken', newToken());
    await saveSetting('tallyRegion', r);
    await saveSetting('tallyAge', a);
    await saveSetting('tallyChoice', yes ? 'yes' : 'no');
    setSaved(yes ? labels.thanks : labels.declined);
    if (yes) await syncTally(lang, modules);
  }

  const name = (m: string) => (m === COURSE ? labels.course : (modules.find((x) => x.id === m)?.title ?? m));
  const sent = sentItems(settings);

  return (
    <section class={mode === 'prompt' ? 'notice tally' : 'tally'} aria-labelledby={`tally-${mode}`} data-tally={mode}>
      <h2 id={`tally-${mode}`} style={mode === 'prompt' ? 'margin-top:0' : undefined}>{labels.title}</h2>
      <p>{labels.intro}</p>
      {mode === 'settings' && (
        <p data-testid="tally-state">{choice === 'yes' ? labels.stateYes : choice === 'no' ? labels.stateNo : labels.stateUnasked}</p>
      )}
      <div class="tally-fields">
        <p>
          <label for={`tally-region-${mode}`}>{labels.regionLabel}</label>{' '}
          <select id={`tally-region-${mode}`} value={r} onChange={(e) => setRegion((e.currentTarget as HTMLSelectElement).value)}>
            <option value="">{labels.notSaying}</option>
            {REGIONS.map((x) => (
              <option key={x} value={x}>{labels[`region-${x}`]}</option>
            ))}
          </select>
        </p>
        <p>
          <label for={`tally-age-${mode}`}>{labels.ageLabel}</label>{' '}
          <select id={`tally-age-${mode}`} value={a} onChange={(e) => setAge((e.currentTarget as HTMLSelectElement).value)}>
            <option value="">{labels.notSaying}</option>
            {AGE_BANDS.map((x) => (
              <option key={x} value={x}>{x}</option>
            ))}
          </select>
        </p>
      </div>
      <p id={`tally-preview-${mode}`}>{labels.previewIntro}</p>
      <pre class="tally-preview" data-testid="tally-preview" aria-describedby={`tally-preview-${mode}`}>{preview}</pre>
      <p class="meta">{labels.notSent}</p>
      <div class="actions">
        <button type="button" class="button" onClick={() => void decide(true)}>
          {mode === 'settings' && choice === 'yes' ? labels.update : labels.yes}
        </button>
        <button type="button" class="button secondary" onClick={() => void decide(false)}>
          {mode === 'settings' && choice === 'yes' ? labels.stop : labels.no}
        </button>
      </div>
      <p role="status">{saved}</p>
      {mode === 'settings' && sent.length > 0 && <p data-testid="tally-sent">{fill(labels.sentList, { items: sent.map(name).join(', ') })}</p>}
      <p>
        <a href={impactHref}>{labels.impactLink}</a>
      </p>
    </section>
  );
}
