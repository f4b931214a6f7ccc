/**
 * The QR codes (and the copyable code) that carry the learner's progress to
 * another device. Built on demand: lean-qr (about 4 KB) loads only here.
 */
import { useRef, useState } from 'preact/hooks';
import { copyText } from '../lib/clipboard';
import { fill } from '../lib/i18n/fill';
import type { KeepLabels } from './KeepProgress';

interface Props {
  labels: KeepLabels;
  progressPath: string;
  onShown: () => void;
}

interface Codes {
  code: string;
  images: string[] | null; // null: too large for QR codes
}

export function MoveCodes({ labels, progressPath, onShown }: Props) {
  const [codes, setCodes] = useState<Codes | null>(null);
  const [index, setIndex] = useState(0);
  const [copied, setCopied] = useState(false);
  const codeArea = useRef<HTMLTextAreaElement>(null);

  async function show() {
    const [{ readProgress }, { backupText }, transfer, { qrImage }] = await Promise.all([
      import('../lib/progress/client'),
      import('../lib/progress/backup'),
      import('../lib/progress/transfer-code'),
      import('../lib/qr'),
    ]);
    const { answers } = await readProgress();
    // The same file, without the indentation, so that the codes are as small as they can be.
    const code = await transfer.encodeTransfer(JSON.stringify(JSON.parse(backupText([...answers.values()]))));
    const parts = transfer.splitCode(code);
    const base = new URL(progressPath, location.href).href;
    const images = parts ? await Promise.all(parts.map((part) => qrImage(`${base}#move=${part}`))) : null;
    setCodes({ code, images });
    setIndex(0);
    onShown();
  }

  if (!codes) {
    return (
      <p>
        <button type="button" class="button secondary" onClick={show}>
          {labels.moveShow}
        </button>
      </p>
    );
  }
  const count = codes.images?.length ?? 0;
  return (
    <div class="qr-frame" data-testid="move-codes" data-count={count}>
      {codes.images ? (
        <>
          <img
            src={codes.images[index]}
            alt={fill(labels.qrAlt, { n: index + 1, count })}
            data-testid="qr"
            data-index={index + 1}
          />
          {count > 1 && (
            <>
              <p aria-live="polite">{fill(labels.qrPart, { n: index + 1, count })}</p>
              <div class="actions" style="display:flex;gap:0.6rem;flex-wrap:wrap">
                <button type="button" class="button secondary" disabled={index === 0} onClick={() => setIndex(index - 1)}>
                  {labels.qrPrev}
                </button>
                <button
                  type="button"
                  class="button secondary"
                  disabled={index === count - 1}
                  onClick={() => setIndex(index + 1)}
                >
                  {labels.qrNext}
                </button>
              </div>
            </>
          )}
        </>
      ) : (
        <p>{labels.qrTooMany}</p>
      )}
      <label for="move-code">{labels.copyLabel}</label>
      <textarea id="move-code" ref={codeArea} readOnly value={codes.code} onFocus={(e) => e.currentTarget.select()} />
      <p>
        <button
          type="button"
          class="button secondary"
          onClick={async () => {
            setCopied(await copyText(codes.code, codeArea.current));
          }}
        >
          {labels.copy}
        </button>{' '}
        <span role="status">{copied ? labels.copied : ''}</span>
      </p>
    </div>
  );
}
