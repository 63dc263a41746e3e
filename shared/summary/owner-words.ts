/**
 * A finding's fix as the Summary and the PDF give it to a site owner: the checker writes the
 * exact terminal commands (`npx mailwright check --plan …`, an SSH tunnel, scp) for the CLI and
 * the JSON, where they belong; the Summary and the PDF say the same in words and point to the
 * app, which shows the commands where they are used.
 */

/** A terminal command quoted in a fix: Mailwright's own CLI, ssh or scp. */
const COMMAND = /`(?:npx mailwright|mailwright|ssh|scp) [^`]*`/;

/** What the owner does instead of typing the command, in words. */
const RUN_ON_SERVER = "run Mailwright's check on the server itself (the app shows how)";

function sentences(text: string): string[] {
  // A quoted command is one piece: the dots of "plan.json" do not end a sentence.
  return (
    text.match(/(?:`[^`]*`|[^.!?`]|[.!?](?!\s|$))+(?:[.!?]+|$)/g)?.map((s) => s.trim()) ?? [text]
  );
}

// The words in place of a command, capitalised when the command's sentence began with it.
function sameCase(replaced: string): string {
  return replaced.startsWith('R') ? `R${RUN_ON_SERVER.slice(1)}` : RUN_ON_SERVER;
}

// One sentence with a command in words: the tunnel recipe is a second way for people at a
// terminal and goes; the others keep their meaning ("on the server itself") without the command.
function inWords(sentence: string): string | null {
  if (!COMMAND.test(sentence)) return sentence;
  if (/SSH tunnel/i.test(sentence)) return null;
  if (/^Copy the plan file to the server/i.test(sentence)) return `Then ${RUN_ON_SERVER}.`;
  return sentence
    .replace(/\s*\(`[^`]*`\)/g, '')
    .replace(/run `(?:npx )?mailwright [^`]*` on the server itself(?: \([^)]*\))?/gi, sameCase)
    .replace(/run this on the server: `[^`]*`/gi, sameCase)
    .replace(/`(?:npx )?mailwright [^`]*`/g, "Mailwright's check");
}

/** A fix (or any advice) without terminal commands, for the Summary and the PDF. */
export function ownerWords(text: string): string {
  if (!COMMAND.test(text)) return text;
  return sentences(text)
    .map(inWords)
    .filter((s): s is string => s !== null && s !== '')
    .join(' ');
}

/**
 * A finding's "what we saw" for the Summary and the PDF: a resolver the check was pointed at by
 * address ("Resolver 127.0.0.1:5353", from the CLI's --resolver) is named in words; the address
 * stays in the JSON's evidence.
 */
export function ownerDetail(text: string): string {
  return ownerWords(text)
    .replace(/Public resolvers \(Resolver [^)]*\)/g, 'Public resolvers')
    .replace(/Resolver \[?[0-9a-fA-F.:]+\]?(?::\d+)?/g, 'the resolver you chose');
}
