/** A finding's title as a sentence, so the fix that follows it does not run on. */
export function sentence(text: string): string {
  const t = text.trim();
  return /[.!?:]$/.test(t) ? t : `${t}.`;
}
