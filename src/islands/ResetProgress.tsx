/** "Delete all my progress", behind a confirmation. */
import { useRef, useState } from 'preact/hooks';
import { clearProgress } from '../lib/progress/client';

export interface ResetLabels {
  resetTitle: string;
  resetIntro: string;
  reset: string;
  resetConfirm: string;
  resetYes: string;
  resetNo: string;
  resetDone: string;
  resetFailed: string;
}

export default function ResetProgress({ labels }: { labels: ResetLabels }) {
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState('');
  const resetRef = useRef<HTMLButtonElement>(null);

  async function confirmReset() {
    const ok = await clearProgress();
    setConfirming(false);
    setMessage(ok ? labels.resetDone : labels.resetFailed);
    requestAnimationFrame(() => resetRef.current?.focus());
  }

  return (
    <div>
      <h2>{labels.resetTitle}</h2>
      <p>{labels.resetIntro}</p>
      {confirming ? (
        <div class="confirm" role="alertdialog" aria-modal="false" aria-labelledby="reset-question">
          <p id="reset-question">{labels.resetConfirm}</p>
          <div class="actions" style="display:flex;flex-wrap:wrap;gap:0.8rem">
            <button type="button" class="button danger" onClick={confirmReset}>
              {labels.resetYes}
            </button>
            <button
              type="button"
              class="button secondary"
              autoFocus
              onClick={() => {
                setConfirming(false);
                requestAnimationFrame(() => resetRef.current?.focus());
              }}
            >
              {labels.resetNo}
            </button>
          </div>
        </div>
      ) : (
        <button
          type="button"
          class="button secondary"
          ref={resetRef}
          onClick={() => {
            setMessage('');
            setConfirming(true);
          }}
        >
          {labels.reset}
        </button>
      )}
      <p role="status" aria-live="polite">
        {message}
      </p>
    </div>
  );
}
