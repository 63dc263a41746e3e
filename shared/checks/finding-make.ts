import type { CheckId } from './catalogue';
import type { Finding, Status } from './finding';
import { ON_SERVER_WORDS, onServerClause } from './smtp-words';

/** The words of a finding, apart from its id, subject and status. */
export interface FindingWords {
  title: string;
  detail: string;
  fix?: string;
  /** The fix in words, where `fix` gives terminal commands (see Finding.ownerFix). */
  ownerFix?: string;
  eta?: string;
  evidence?: Record<string, unknown>;
}

/**
 * Build one finding. A fix is kept only where the status asks the user to act (docs/CHECKS.md: "where
 * not pass a fix"); for pass and info it is dropped so the UI never shows advice for nothing.
 */
export function makeFinding(
  check: CheckId,
  subject: string,
  status: Status,
  words: FindingWords,
): Finding {
  const f: Finding = { check, subject, status, title: words.title, detail: words.detail };
  if (words.fix && status !== 'pass' && status !== 'info') {
    f.fix = words.fix;
    if (words.ownerFix) f.ownerFix = words.ownerFix;
  }
  if (words.eta && status === 'pending') f.eta = words.eta;
  if (words.evidence) f.evidence = words.evidence;
  return f;
}

/**
 * The finding of a check that could not run: always `unknown`, with the reason, never a guess.
 * The fix says what the user can do about the probe, not about DNS.
 */
export function unknownFinding(
  check: CheckId,
  subject: string,
  reason: string,
  evidence?: Record<string, unknown>,
  fix?: string,
): Finding {
  const retry =
    'Check that this computer is online and run the check again. If it keeps happening,';
  return makeFinding(check, subject, 'unknown', {
    title: 'Could not be checked',
    detail: `Could not check this: ${reason.replace(/[.\s]+$/, '')}.`,
    ...(fix !== undefined
      ? { fix }
      : { fix: `${retry} ${onServerClause()}.`, ownerFix: `${retry} ${ON_SERVER_WORDS}.` }),
    ...(evidence ? { evidence } : {}),
  });
}

/** Join sentences and per-view lines into one detail text. */
export function detailText(first: string, lines: readonly string[] = []): string {
  return lines.length === 0 ? first : `${first}\n${lines.map((l) => `- ${l}`).join('\n')}`;
}
