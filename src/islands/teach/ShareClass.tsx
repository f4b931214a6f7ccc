/** Sharing a class: the join link, a QR code big enough for a projector, and a short code to type. */
import { useEffect, useState } from 'preact/hooks';
import { copyText } from '../../lib/clipboard';
import { encodeJoin, encodeShort, type Assignment, type CourseOrder } from '../../lib/classroom/assignment';

interface Props {
  assignment: Assignment;
  course: CourseOrder;
  joinPath: string;
  labels: Record<string, string>;
}

export function ShareClass({ assignment, course, joinPath, labels }: Props) {
  const link = `${new URL(joinPath, location.href).href}#j=${encodeJoin(assignment)}`;
  const short = encodeShort(assignment, course);
  const [image, setImage] = useState('');
  const [large, setLarge] = useState(false);
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    void import('../../lib/qr').then(({ qrImage }) => qrImage(link, 8)).then(setImage);
  }, [link]);

  return (
    <div class="share-class">
      <p>{labels.shareIntro}</p>
      {image && (
        <p class={large ? 'qr-large' : 'qr-frame'}>
          <img src={image} alt={labels.joinQrAlt} data-testid="join-qr" />
        </p>
      )}
      <p>
        <button type="button" class="button secondary" aria-pressed={large} onClick={() => setLarge(!large)}>
          {large ? labels.qrSmaller : labels.qrLarger}
        </button>
      </p>
      <p>
        <label for="join-link">{labels.joinLink}</label>
        <input id="join-link" class="text-field wide" type="text" readOnly value={link} onFocus={(e) => e.currentTarget.select()} />
        <button
          type="button"
          class="button secondary"
          onClick={async () => {
            setCopied(await copyText(link, document.getElementById('join-link') as HTMLInputElement | null));
          }}
        >
          {labels.copyLink}
        </button>{' '}
        <span role="status">{copied ? labels.linkCopied : ''}</span>
      </p>
      {short && (
        <div>
          <p>{labels.shortCodeIntro}</p>
          <p class="short-code" data-testid="short-code" aria-label={labels.shortCodeLabel}>
            {short}
          </p>
        </div>
      )}
    </div>
  );
}
