/**
 * Puts a lab's state in the page's URL hash (#key=value) and copies the link.
 * Returns the message for the learner: the link itself when copying failed.
 */
import { copyText } from '../../lib/clipboard';

export async function shareInUrl(key: string, value: string, done: string): Promise<string> {
  const url = `${location.origin}${location.pathname}#${key}=${value}`;
  history.replaceState(null, '', url);
  return (await copyText(url)) ? done : `${done} ${url}`;
}
