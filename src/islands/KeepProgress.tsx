/**
 * "Keep your progress safe", on the progress page: whether the browser keeps
 * the course's data, save everything to a file, load a file, move to another
 * device by QR codes or a copied code, and receive such codes. Every import
 * goes through lib/progress/import-flow.ts (strict checks, then a merge).
 */
import { formatDate } from '../lib/i18n/format';
import type { Locale } from '../lib/i18n/locales';
import { useEffect, useRef, useState } from 'preact/hooks';
import { fill } from '../lib/i18n/fill';
import { saveSetting } from '../lib/progress/client';
import { persistence, requestPersistence, type Persistence } from '../lib/progress/persist';
import { applyImport, checkCode, checkFile, type ImportOutcome, type Preview } from '../lib/progress/import-flow';
import { MoveCodes } from './MoveCodes';
import { QrScan, type ScanLabels } from './QrScan';
import { receiveLinkPart, receivePart, type Received } from './receive-part';

export type KeepLabels = Record<
  | 'persistGranted' | 'persistNotGranted' | 'persistUnsupported' | 'persistAsk' | 'offlineReady'
  | 'saveTitle' | 'saveIntro' | 'save' | 'saved'
  | 'loadTitle' | 'loadIntro' | 'loadLabel'
  | 'moveTitle' | 'moveIntro' | 'moveShow' | 'qrAlt' | 'qrPart' | 'qrPrev' | 'qrNext' | 'qrTooMany'
  | 'copyLabel' | 'copy' | 'copied'
  | 'pasteTitle' | 'pasteIntro' | 'pasteLabel' | 'pasteImport' | 'pasteMissing'
  | 'received' | 'previewText' | 'previewYes' | 'previewNo' | 'cancelled' | 'done' | 'scanTitle',
  string
> &
  ScanLabels & { errors: Record<string, string> };

interface Props {
  labels: KeepLabels;
  locale: Locale;
  /** The progress page of this language, absolute path: QR links open it on the other device. */
  progressPath: string;
}

export default function KeepProgress({ labels, locale, progressPath }: Props) {
  const [persist, setPersist] = useState<Persistence | null>(null);
  const [offlineReady, setOfflineReady] = useState(false);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [pasted, setPasted] = useState('');
  const fileInput = useRef<HTMLInputElement>(null);
  const previewRef = useRef<HTMLDivElement>(null);
  const messageRef = useRef<HTMLParagraphElement>(null);

  const date = (iso: string) => formatDate(locale, iso);
  const say = (text: string, error = false) => {
    setMessage({ text, error });
    requestAnimationFrame(() => messageRef.current?.focus());
  };
  const sayOutcome = (outcome: ImportOutcome | { ok: false; error: string }) =>
    outcome.ok
      ? say(fill(labels.done, { added: outcome.added, updated: outcome.updated, kept: outcome.kept }))
      : say(labels.errors[outcome.error] ?? labels.errors['not-json'], true);

  useEffect(() => {
    persistence().then(setPersist);
    navigator.serviceWorker?.getRegistration().then((r) => setOfflineReady(!!r?.active));
    // Arrived from a QR code scanned on another device? (A later scan may open in this same tab.)
    const receive = () => receiveLinkPart().then((received) => received && handleReceived(received));
    void receive();
    addEventListener('hashchange', receive);
    return () => removeEventListener('hashchange', receive);
  }, []);

  /** A part of a move code arrived (by link or by this device's camera). */
  function handleReceived(received: Received) {
    if (received.kind === 'error') return say(labels.errors[received.error], true);
    if (received.kind === 'partial') {
      return say(fill(labels.received, { n: received.index, count: received.count, missing: received.missing.join(', ') }));
    }
    void checkCode(received.code).then((checked) => (checked.ok ? showPreview(checked) : sayOutcome(checked)));
  }

  function showPreview(p: Preview) {
    setMessage(null);
    setPreview(p);
    requestAnimationFrame(() => previewRef.current?.focus());
  }

  async function onFile(event: Event) {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    if (file.size > 5_000_000) return say(labels.errors['too-large'], true);
    const checked = checkFile(await file.text());
    if (!checked.ok) return sayOutcome(checked);
    sayOutcome(await applyImport(checked));
  }

  async function onPaste(event: Event) {
    event.preventDefault();
    const { codeFromPaste } = await import('../lib/progress/transfer-code');
    const code = codeFromPaste(pasted);
    if (!code.ok) {
      return say(
        code.missing ? fill(labels.pasteMissing, { missing: code.missing.join(', ') }) : labels.errors[code.error],
        true,
      );
    }
    const checked = await checkCode(code.code);
    if (!checked.ok) return sayOutcome(checked);
    setPasted('');
    sayOutcome(await applyImport(checked));
  }

  const persistText =
    persist === 'granted' ? labels.persistGranted : persist === 'not-granted' ? labels.persistNotGranted : labels.persistUnsupported;

  return (
    <div class="keep-panel" data-persistence={persist ?? 'unknown'}>
      {persist && (
        <div>
          <p data-testid="persistence">{persistText}</p>
          {persist === 'not-granted' && (
            <button type="button" class="button secondary" onClick={async () => setPersist(await requestPersistence())}>
              {labels.persistAsk}
            </button>
          )}
        </div>
      )}
      {offlineReady && <p>{labels.offlineReady}</p>}

      {preview && (
        <div class="notice" ref={previewRef} tabIndex={-1} role="group" aria-labelledby="import-preview" data-testid="import-preview">
          <p id="import-preview">
            {fill(labels.previewText, { count: preview.answers.length, date: date(preview.exportedAt) })}
          </p>
          <div class="actions">
            <button
              type="button"
              class="button"
              onClick={async () => {
                const p = preview;
                setPreview(null);
                sayOutcome(await applyImport(p));
              }}
            >
              {labels.previewYes}
            </button>
            <button
              type="button"
              class="button secondary"
              onClick={() => {
                setPreview(null);
                say(labels.cancelled);
              }}
            >
              {labels.previewNo}
            </button>
          </div>
        </div>
      )}
      <p
        ref={messageRef}
        tabIndex={-1}
        role={message?.error ? 'alert' : 'status'}
        class={message?.error ? 'error' : undefined}
        data-testid="keep-message"
      >
        {message?.text ?? ''}
      </p>

      <h3>{labels.saveTitle}</h3>
      <p>{labels.saveIntro}</p>
      <p>
        <button
          type="button"
          class="button"
          onClick={async () => {
            const { saveProgressFile, backupFileName } = await import('../lib/progress/save-file');
            const count = await saveProgressFile();
            say(fill(labels.saved, { file: backupFileName(), count }));
          }}
        >
          {labels.save}
        </button>
      </p>

      <h3>{labels.loadTitle}</h3>
      <p id="load-intro">{labels.loadIntro}</p>
      <p>
        <label for="load-file">{labels.loadLabel}</label>
        <br />
        <input
          ref={fileInput}
          id="load-file"
          type="file"
          accept=".json,application/json"
          aria-describedby="load-intro"
          onChange={onFile}
        />
      </p>

      <h3>{labels.moveTitle}</h3>
      <p>{labels.moveIntro}</p>
      <MoveCodes labels={labels} progressPath={progressPath} onShown={() => void saveSetting('lastSavedAt', new Date().toISOString())} />

      <h3>{labels.scanTitle}</h3>
      <QrScan
        labels={labels}
        onScanned={async (text) => {
          const received = await receivePart(text);
          handleReceived(received);
          return received.kind === 'partial';
        }}
      />

      <h3>{labels.pasteTitle}</h3>
      <form onSubmit={onPaste}>
        <p id="paste-intro">{labels.pasteIntro}</p>
        <label for="paste-code">{labels.pasteLabel}</label>
        <textarea
          id="paste-code"
          aria-describedby="paste-intro"
          spellcheck={false}
          autoComplete="off"
          value={pasted}
          onInput={(e) => setPasted((e.currentTarget as HTMLTextAreaElement).value)}
        />
        <p>
          <button type="submit" class="button secondary">
            {labels.pasteImport}
          </button>
        </p>
      </form>
    </div>
  );
}
