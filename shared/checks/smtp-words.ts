import type { SmtpError, SmtpReply } from './smtp-observation';

/** Milliseconds as short plain text: "80 ms", "2.5 s", "30 s". */
export function duration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const s = ms / 1000;
  return `${s < 10 ? Math.round(s * 10) / 10 : Math.round(s)} s`;
}

/**
 * What went wrong, in plain words (lower case, no full stop). System errors keep their code in
 * brackets for people who search for it; the full system message stays in the evidence.
 */
export function describeError(error: SmtpError): string {
  const plain: Partial<Record<SmtpError['kind'], string>> = {
    refused: 'nothing accepts connections on that port (the connection was refused)',
    reset: 'the connection was cut off abruptly (reset)',
    'no-route': 'this computer has no route to that address',
    dns: 'the name could not be looked up',
    tls: 'the encryption handshake failed',
    error: 'the connection failed',
  };
  const own = plain[error.kind];
  // Timeouts, closes, protocol errors and cancels carry messages written here, already plain.
  if (!own) return error.message;
  return error.code ? `${own}, ${error.code}` : `${own}: ${error.message}`;
}

/** A reply as the server wrote it, first line only when long: `421 4.3.2 Service shutting down`. */
export function replyText(reply: SmtpReply): string {
  const first = `${reply.code} ${reply.lines[0] ?? ''}`.trim();
  return reply.lines.length > 1 ? `${first} (+${reply.lines.length - 1} more lines)` : first;
}

/** The plan file name used in commands when the caller does not know it. */
export const DEFAULT_PLAN_FILE = 'mailwright-plan.json';

/** A file name as one shell word. */
function shellWord(text: string): string {
  return /[\s'"$`\\]/.test(text) ? `'${text.replace(/'/g, "'\\''")}'` : text;
}

/**
 * The command to run on the server, once the plan file has been copied there: scp puts it in the
 * home folder under its own name, so only the file name is kept.
 */
export function serverCommand(planFile: string): string {
  const name = planFile.split(/[\\/]/).pop() || planFile;
  return `npx mailwright check --plan ${shellWord(name)}`;
}

/**
 * "run the check on the server itself", as a clause with the whole command: `check` without
 * `--plan` exits 2, so the words never say it without one.
 */
export function onServerClause(planFile: string = DEFAULT_PLAN_FILE): string {
  return `run \`${serverCommand(planFile)}\` on the server itself (copy the plan file there first: the Summary step's "Export JSON" saves it)`;
}

/**
 * "run the check on the server itself" for a reader without a terminal (the Summary and the PDF):
 * the app shows the commands where they are used.
 */
export const ON_SERVER_WORDS = "run Mailwright's check on the server itself (the app shows how)";

/** runOnServerFix in words, for the Summary and the PDF. */
export const RUN_ON_SERVER_WORDS =
  `Run the same checks on the server itself, where port 25 is not blocked: ${ON_SERVER_WORDS}. ` +
  'Or run the check from another network that allows port 25.';

/**
 * The fix for "this computer cannot check": run the same checks on the server itself, with the
 * exact commands for this plan.
 */
export function runOnServerFix(planFile: string, serverAddress: string): string {
  const host = serverAddress.includes(':') ? `[${serverAddress}]` : serverAddress;
  return (
    `Run the same checks on the server itself, where port 25 is not blocked. ` +
    `Copy the plan file to the server (for example: \`scp ${shellWord(planFile)} root@${host}:\`), ` +
    `then run this on the server: \`${serverCommand(planFile)}\`. ` +
    `Or run the check from another network that allows port 25.`
  );
}

/**
 * The other way round a blocked port 25: an SSH tunnel to the server, and the SMTP checks sent
 * through it with --smtp-address (the checks still judge the mail host name).
 */
export function tunnelCheckHint(planFile: string, serverAddress: string): string {
  const host = serverAddress.includes(':') ? `[${serverAddress}]` : serverAddress;
  return (
    `Or check from this computer through an SSH tunnel: run \`ssh -N -L 2525:localhost:25 root@${host}\` in one terminal, ` +
    `then \`npx mailwright check --plan ${shellWord(planFile)} --smtp-address 127.0.0.1 --smtp-port 2525\` in another.`
  );
}

/** The sentence every SMTP finding carries when this network blocks port 25. */
export const NETWORK_BLOCKS_25 =
  'this network blocks outgoing connections to port 25 (common on home and office connections)';
