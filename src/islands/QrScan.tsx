/**
 * Scanning move codes with this device's camera, for devices without a camera
 * app that opens links (a school laptop's webcam). Uses the browser's
 * BarcodeDetector where it reads QR codes, otherwise jsQR (loaded only here).
 * Frames are read on the device and never stored or sent.
 */
import { useEffect, useRef, useState } from 'preact/hooks';

export interface ScanLabels {
  scanStart: string;
  scanStop: string;
  scanHint: string;
  scanDenied: string;
  scanVideo: string;
}

interface Props {
  labels: ScanLabels;
  /** Handles one scanned text; resolves true to keep scanning (more codes to come). */
  onScanned: (text: string) => Promise<boolean>;
}

type Detect = (video: HTMLVideoElement) => Promise<string | null>;

async function detector(): Promise<Detect> {
  const Native = (globalThis as { BarcodeDetector?: { new (o: object): { detect(v: HTMLVideoElement): Promise<{ rawValue: string }[]> }; getSupportedFormats?: () => Promise<string[]> } }).BarcodeDetector;
  if (Native && (await Native.getSupportedFormats?.())?.includes('qr_code')) {
    const native = new Native({ formats: ['qr_code'] });
    return async (video) => (await native.detect(video))[0]?.rawValue ?? null;
  }
  const { default: jsQR } = await import('jsqr');
  const canvas = document.createElement('canvas');
  const context = canvas.getContext('2d', { willReadFrequently: true });
  return async (video) => {
    if (!context || !video.videoWidth) return null;
    const scale = Math.min(1, 800 / Math.max(video.videoWidth, video.videoHeight));
    canvas.width = Math.round(video.videoWidth * scale);
    canvas.height = Math.round(video.videoHeight * scale);
    context.drawImage(video, 0, 0, canvas.width, canvas.height);
    const image = context.getImageData(0, 0, canvas.width, canvas.height);
    return jsQR(image.data, image.width, image.height, { inversionAttempts: 'dontInvert' })?.data ?? null;
  };
}

export function QrScan({ labels, onScanned }: Props) {
  const [on, setOn] = useState(false);
  const [error, setError] = useState('');
  const video = useRef<HTMLVideoElement>(null);
  const stream = useRef<MediaStream | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>();

  const stop = () => {
    clearTimeout(timer.current);
    stream.current?.getTracks().forEach((t) => t.stop());
    stream.current = null;
    setOn(false);
  };
  useEffect(() => stop, []);

  async function start() {
    setError('');
    try {
      stream.current = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false });
    } catch {
      setError(labels.scanDenied);
      return;
    }
    setOn(true);
    const detect = await detector();
    await new Promise(requestAnimationFrame);
    const el = video.current;
    if (!el || !stream.current) return stop();
    el.srcObject = stream.current;
    await el.play().catch(() => {});
    let last = '';
    const tick = async () => {
      if (!stream.current) return;
      const text = await detect(el).catch(() => null);
      if (text && text !== last) {
        last = text;
        if (!(await onScanned(text))) return stop();
      }
      timer.current = setTimeout(tick, 200);
    };
    void tick();
  }

  return (
    <div class="qr-scan">
      <p id="scan-hint">{labels.scanHint}</p>
      {on ? (
        <>
          <video ref={video} muted playsInline aria-label={labels.scanVideo} aria-describedby="scan-hint" class="qr-video" />
          <p>
            <button type="button" class="button secondary" onClick={stop}>
              {labels.scanStop}
            </button>
          </p>
        </>
      ) : (
        <p>
          <button type="button" class="button secondary" onClick={start} aria-describedby="scan-hint">
            {labels.scanStart}
          </button>
        </p>
      )}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
