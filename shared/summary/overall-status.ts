import { checkInfo, type CheckGroup } from '../checks/catalogue';
import type { StatusSummary } from '../checks/finding';
import type { CheckDocument } from '../checks/verify-progress';

/** What the cover says about the setup as a whole. */
export interface OverallStatus {
  kind: 'ready' | 'to-fix' | 'waiting' | 'incomplete' | 'not-verified';
  /** The headline: "Ready to send", "3 things to fix", "Waiting for DNS to update"... */
  headline: string;
  /** One or two plain sentences under the headline. */
  detail: string;
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

function advisories(summary: StatusSummary): string {
  const parts: string[] = [];
  if (summary.warn > 0)
    parts.push(`${plural(summary.warn, 'suggestion', 'suggestions')} to improve`);
  if (summary.unknown > 0)
    parts.push(`${plural(summary.unknown, 'check', 'checks')} could not run`);
  return parts.length > 0 ? ` Also: ${parts.join('; ')} (see Findings).` : '';
}

/**
 * The overall status of a verification run in words. Failures come first; then records still
 * on their way; a run where some checks could not run, or were not made, is not called ready,
 * because nobody looked at those parts.
 */
export function overallStatus(run: CheckDocument | undefined): OverallStatus {
  if (run === undefined) {
    return {
      kind: 'not-verified',
      headline: 'Not verified yet',
      detail:
        'This summary lists what to publish, but nothing has been checked yet. Run a check in Mailwright (or `mailwright check`) and export the summary again.',
    };
  }
  const s = run.summary;
  if (s.fail > 0) {
    return {
      kind: 'to-fix',
      headline: plural(s.fail, 'thing to fix', 'things to fix'),
      detail: `Mail from this server may be rejected or marked as spam until ${s.fail === 1 ? 'it is' : 'they are'} fixed. Each one is listed under Findings with what to do.${advisories({ ...s, fail: 0 })}`,
    };
  }
  if (s.pending > 0) {
    return {
      kind: 'waiting',
      headline: 'Waiting for DNS to update',
      detail: `Your DNS host has the new records, but ${plural(s.pending, 'of them is', 'of them are')} not yet visible everywhere. Nothing to do but wait; check again after the time shown.${advisories(s)}`,
    };
  }
  if (s.unknown > 0 || run.cancelled === true) {
    return {
      kind: 'incomplete',
      headline: 'Not fully verified',
      detail: `Nothing failed, but ${plural(s.unknown, 'check', 'checks')} could not run${run.cancelled === true ? ' and the run was stopped early' : ''}. See Findings for why, and check again.${s.warn > 0 ? ` Also: ${plural(s.warn, 'suggestion', 'suggestions')} to improve.` : ''}`,
    };
  }
  // A run made without the SMTP or block-list checks (--no-smtp, --no-dnsbl, or the Records
  // step's "Check these now") passed only what it looked at.
  const looked = new Set<CheckGroup | undefined>(
    run.findings.map((f) => checkInfo(f.check)?.group),
  );
  const skipped = [
    looked.has('smtp') ? null : 'the mail server itself (port 25 and STARTTLS)',
    looked.has('dnsbl') ? null : 'the block lists',
  ].filter((x): x is string => x !== null);
  if (skipped.length > 0) {
    return {
      kind: 'incomplete',
      headline: 'Not fully verified',
      detail: `Every check that ran passed, but this check did not look at ${skipped.join(' or ')}. Check again with ${skipped.length === 1 ? 'it' : 'them'} before you rely on it.${s.warn > 0 ? ` Also: ${plural(s.warn, 'suggestion', 'suggestions')} to improve.` : ''}`,
    };
  }
  return {
    kind: 'ready',
    headline: 'Ready to send',
    detail: `Every check passed.${s.warn > 0 ? ` ${plural(s.warn, 'suggestion', 'suggestions')} would make delivery more reliable (see Findings).` : ''}${throughNote(run)}`,
  };
}

/**
 * A run whose SMTP checks went through --smtp-address (an SSH tunnel, say) saw the mail server,
 * not whether the internet reaches it on port 25: "ready" says so rather than imply it.
 */
function throughNote(run: CheckDocument): string {
  const through = run.findings.find(
    (f) => f.check === 'smtp.reachable' && f.evidence?.['checkedThrough'] !== undefined,
  );
  if (!through) return '';
  const via = through.evidence?.['checkedThrough'] as { address?: unknown; port?: unknown };
  const where =
    typeof via.address === 'string' && typeof via.port === 'number'
      ? ` through ${via.address.includes(':') ? `[${via.address}]` : via.address}:${via.port}`
      : '';
  return ` The mail server was checked${where} (--smtp-address), so whether other mail servers reach it on port 25 was not checked.`;
}
