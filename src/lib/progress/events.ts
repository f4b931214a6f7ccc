/**
 * "Progress changed" announcements: after a write, every island on this page
 * and in the course's other tabs reads the store again. Data flows one way:
 * store → event → readers; no island reaches into another.
 */
const EVENT = 'ai4b:progress';
const CHANNEL = 'ai4b-progress';

export function announceProgressChange(): void {
  if (typeof window === 'undefined') return;
  window.dispatchEvent(new Event(EVENT));
  try {
    const channel = new BroadcastChannel(CHANNEL);
    channel.postMessage('changed');
    channel.close();
  } catch {
    // No BroadcastChannel (old browsers): other tabs update on their next load.
  }
}

/** Calls `listener` on every change, here or in another tab; returns an unsubscribe function. */
export function onProgressChange(listener: () => void): () => void {
  if (typeof window === 'undefined') return () => {};
  window.addEventListener(EVENT, listener);
  let channel: BroadcastChannel | undefined;
  try {
    channel = new BroadcastChannel(CHANNEL);
    channel.onmessage = listener;
  } catch {
    channel = undefined;
  }
  return () => {
    window.removeEventListener(EVENT, listener);
    channel?.close();
  };
}
