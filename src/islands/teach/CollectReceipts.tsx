/**
 * Collecting receipts: pasted codes (many at once), files (several, or a
 * folder), or QR codes scanned one after another with this device's camera.
 * Each is decoded and checked for this class; the newest per pupil is kept;
 * nothing already collected changes when a receipt is refused.
 */
import { useState } from 'preact/hooks';
import type { Receipt, ReceiptError } from '../../lib/classroom/receipt';
import { fill } from '../../lib/i18n/fill';
import { QrScan, type ScanLabels } from '../QrScan';

interface Props {
  classId: string;
  labels: Record<string, string> & ScanLabels;
  onMessage: (text: string, error: boolean) => void;
}

type Outcome = 'added' | 'updated' | 'older' | ReceiptError | 'store-failed';

export function CollectReceipts({ classId, labels, onMessage }: Props) {
  const [pasted, setPasted] = useState('');

  async function add(texts: string[]): Promise<Outcome[]> {
    const [{ decodeReceipt, receiptCodeIn }, { withDatabase }, { addReceipts }] = await Promise.all([
      import('../../lib/classroom/receipt'),
      import('../../lib/progress/client'),
      import('../../lib/classroom/store'),
    ]);
    const outcomes: Outcome[] = [];
    const good: { receipt: Receipt; code: string; at: number }[] = [];
    for (const [i, text] of texts.entries()) {
      const decoded = await decodeReceipt(text, classId);
      if (decoded.ok) good.push({ receipt: decoded.value, code: receiptCodeIn(text).replace(/\s+/g, ''), at: i });
      outcomes[i] = decoded.ok ? 'added' : decoded.error;
    }
    if (good.length > 0) {
      try {
        const stored = await withDatabase((db) => addReceipts(db, good));
        good.forEach((g, k) => (outcomes[g.at] = stored[k]));
      } catch {
        good.forEach((g) => (outcomes[g.at] = 'store-failed'));
      }
    }
    report(outcomes);
    return outcomes;
  }

  function report(outcomes: Outcome[]) {
    const count = (o: Outcome) => outcomes.filter((x) => x === o).length;
    const refused = outcomes.filter((o) => !['added', 'updated', 'older'].includes(o));
    const reasons = [...new Set(refused)].map((r) => labels[`receiptError-${r}`] ?? labels['receiptError-receipt-damaged']);
    const text = fill(labels.collected, { added: count('added'), updated: count('updated'), older: count('older'), refused: refused.length });
    onMessage(reasons.length ? `${text} ${reasons.join(' ')}` : text, refused.length > 0);
  }

  async function onFiles(event: Event) {
    const input = event.currentTarget as HTMLInputElement;
    const files = [...(input.files ?? [])].filter((f) => f.size < 100_000 && /\.(json|txt)$/i.test(f.name));
    input.value = '';
    if (files.length === 0) return onMessage(labels.noReceiptFiles, true);
    await add(await Promise.all(files.map((f) => f.text())));
  }

  return (
    <div class="collect">
      <h3>{labels.collectPasteTitle}</h3>
      <form
        onSubmit={async (event) => {
          event.preventDefault();
          const codes = pasted.split(/\s+/).filter(Boolean);
          if (codes.length === 0) return onMessage(labels['receiptError-receipt-damaged'], true);
          const outcomes = await add(codes);
          if (outcomes.every((o) => ['added', 'updated', 'older'].includes(o))) setPasted('');
        }}
      >
        <label for="receipt-codes">{labels.collectPasteLabel}</label>
        <textarea
          id="receipt-codes"
          class="text-field wide"
          rows={4}
          spellcheck={false}
          value={pasted}
          onInput={(e) => setPasted((e.currentTarget as HTMLTextAreaElement).value)}
        />
        <p>
          <button type="submit" class="button secondary">
            {labels.collectAdd}
          </button>
        </p>
      </form>
      <h3>{labels.collectFilesTitle}</h3>
      <p>
        <label for="receipt-files">{labels.collectFiles}</label>
        <br />
        <input id="receipt-files" type="file" multiple accept=".json,.txt,application/json,text/plain" onChange={onFiles} />
      </p>
      <p>
        <label for="receipt-folder">{labels.collectFolder}</label>
        <br />
        <input id="receipt-folder" type="file" {...{ webkitdirectory: '' }} onChange={onFiles} />
      </p>
      <h3>{labels.collectScanTitle}</h3>
      <QrScan
        labels={labels}
        onScanned={async (text) => {
          await add([text]);
          return true; // keep scanning: the next pupil holds up their code
        }}
      />
    </div>
  );
}
