/**
 * A fix as the checker writes it: commands and file names between backticks
 * ("run `npx mailwright check --plan shop.json` on the server") shown as code, so the command
 * reads as something to type, without the backticks.
 */
export function FixText({ text }: { text: string }) {
  const parts = text.split('`');
  // An unpaired backtick is text, not markup: show the whole fix as it is.
  if (parts.length % 2 === 0) return <>{text}</>;
  return <>{parts.map((part, i) => (i % 2 === 1 ? <code key={i}>{part}</code> : part))}</>;
}
