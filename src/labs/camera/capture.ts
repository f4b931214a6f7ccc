/**
 * LAB "Teach the camera": reading pixels in the browser (camera frame, a
 * chosen picture, the drawing area) and handing them to the pure shrink().
 * Every picture is first drawn, centre square only, into a 128 × 128 canvas
 * (so a 12-megapixel photo never becomes 48 MB of pixels), then averaged down
 * to 32 × 32. Nothing is stored or sent.
 */
import { centreSquare, shrink } from './shrink';

const WORK = 128;
let work: CanvasRenderingContext2D | null = null;

function workContext(): CanvasRenderingContext2D {
  if (!work) {
    const canvas = document.createElement('canvas');
    canvas.width = WORK;
    canvas.height = WORK;
    work = canvas.getContext('2d', { willReadFrequently: true });
    if (!work) throw new Error('no 2-D canvas');
  }
  return work;
}

function fromSource(source: CanvasImageSource, width: number, height: number, mirror: boolean): Float32Array {
  const ctx = workContext();
  const square = centreSquare(width, height);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, WORK, WORK);
  ctx.imageSmoothingEnabled = true;
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(source, square.x, square.y, square.size, square.size, 0, 0, WORK, WORK);
  return shrink({ data: ctx.getImageData(0, 0, WORK, WORK).data, width: WORK, height: WORK }, { mirror });
}

/** The camera's current frame, mirrored like its preview; null before the first frame. */
export function grabFrame(video: HTMLVideoElement): Float32Array | null {
  if (!video.videoWidth || !video.videoHeight) return null;
  return fromSource(video, video.videoWidth, video.videoHeight, true);
}

/** The drawing area as the network sees it. */
export function readCanvas(canvas: HTMLCanvasElement): Float32Array {
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) throw new Error('no 2-D canvas');
  return shrink({ data: ctx.getImageData(0, 0, canvas.width, canvas.height).data, width: canvas.width, height: canvas.height });
}

/** Decodes a chosen file; rejects when it is not a picture the browser can read. */
export async function readPicture(file: Blob): Promise<Float32Array> {
  if (file.type && !file.type.startsWith('image/')) throw new Error('not a picture');
  try {
    const bitmap = await createImageBitmap(file);
    try {
      if (!bitmap.width || !bitmap.height) throw new Error('empty picture');
      return fromSource(bitmap, bitmap.width, bitmap.height, false);
    } finally {
      bitmap.close();
    }
  } catch {
    // Some formats (SVG) decode only through an <img>; a broken file fails here too.
    const url = URL.createObjectURL(file);
    try {
      const img = new Image();
      img.src = url;
      await img.decode();
      if (!img.naturalWidth || !img.naturalHeight) throw new Error('empty picture');
      return fromSource(img, img.naturalWidth, img.naturalHeight, false);
    } finally {
      URL.revokeObjectURL(url);
    }
  }
}
