/**
 * On every page: registers the service worker (the course works offline once
 * it has been opened), says when the device is offline, and offers a new
 * version of the course when one is published. The new version waits until
 * the learner accepts it, and what they were typing comes back after the
 * reload (lib/drafts.ts), so an update never loses work.
 */
import { registerSW } from 'virtual:pwa-register';

const offline = document.getElementById('offline-status');
const banner = document.getElementById('update-banner');

function showConnection() {
  if (!offline) return;
  offline.textContent = navigator.onLine ? '' : (offline.dataset.text ?? '');
}
showConnection();
addEventListener('online', showConnection);
addEventListener('offline', showConnection);

if ('serviceWorker' in navigator) {
  const updateSW = registerSW({
    immediate: true,
    onNeedRefresh() {
      if (!banner) return;
      banner.hidden = false;
      // Say it once to screen readers too (a region that appears is not announced by itself).
      const announce = document.getElementById('app-announce');
      if (announce) announce.textContent = banner.querySelector('p')?.textContent ?? '';
      banner.querySelector<HTMLButtonElement>('[data-update="now"]')?.addEventListener('click', () => {
        banner.querySelectorAll('button').forEach((b) => (b.disabled = true));
        void updateSW(true);
      });
      banner.querySelector<HTMLButtonElement>('[data-update="later"]')?.addEventListener('click', () => {
        banner.hidden = true;
      });
    },
  });
}
