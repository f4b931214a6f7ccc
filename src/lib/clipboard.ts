/**
 * Copies text for the learner. Where the Clipboard API is refused (an older
 * browser, a page not served over HTTPS), the field showing the text is
 * selected and copied the old way. True when the text was copied.
 */
export async function copyText(text: string, field?: HTMLInputElement | HTMLTextAreaElement | null): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    field?.select();
    return field ? document.execCommand?.('copy') === true : false;
  }
}
