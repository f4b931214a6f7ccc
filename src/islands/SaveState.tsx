/**
 * Whether an answer reached the browser's store. When it did not (a full
 * disk, a store that failed), the learner is told in plain words and can
 * still take everything with them in a file, this answer included.
 */
import { useState } from 'preact/hooks';

export type SaveState = 'saved' | 'quota' | 'failed' | null;

export interface SaveLabels {
  saved: string;
  notSaved: string;
  quotaFull: string;
  saveFile: string;
  fileSaved: string;
}

export function SaveStateLine({ state, labels }: { state: SaveState; labels: SaveLabels }) {
  const [done, setDone] = useState(false);
  if (state === null) return null;
  if (state === 'saved') return <p class="saved">{labels.saved}</p>;
  return (
    <div class="notice save-failed" data-save-failure={state}>
      <p>{state === 'quota' ? labels.quotaFull : labels.notSaved}</p>
      <p>
        <button
          type="button"
          class="button secondary"
          onClick={async () => {
            const { saveProgressFile } = await import('../lib/progress/save-file');
            await saveProgressFile();
            setDone(true);
          }}
        >
          {labels.saveFile}
        </button>
      </p>
      {done && <p>{labels.fileSaved}</p>}
    </div>
  );
}
