import { checkInfo, type CheckGroup } from '../checks/catalogue';
import type { CheckDocument } from '../checks/verify-progress';

/**
 * One piece of the explanation under the status headline, as data: the screen and the PDF each
 * put it in their own words (the PDF has a Findings section, the screen a list right below),
 * so neither rewrites the other's sentences.
 */
export type StatusPart =
  /** A sentence that reads the same everywhere. */
  | { kind: 'text'; text: string }
  /** "Each one is listed under Findings with what to do." */
  | { kind: 'each-listed' }
  /** "See Findings for why, and check again." */
  | { kind: 'see-why' }
  /** Suggestions and checks that could not run, beside the main news ("Also: …"). */
  | { kind: 'also'; suggestions: number; couldNotRun: number }
  /** A passing run's suggestions: "2 suggestions would make delivery more reliable". */
  | { kind: 'suggestions'; count: number }
  /** The SMTP checks went through a tunnel, so reachability from the internet was not seen. */
  | { kind: 'checked-through'; address?: string; port?: number };

/** What the cover says about the setup as a whole. */
export interface OverallStatus {
  kind: 'ready' | 'to-fix' | 'waiting' | 'incomplete' | 'not-verified';
  /** The headline: "Ready to send", "3 things to fix", "Waiting for DNS to update"... */
  headline: string;
  /** One or two plain sentences under the headline, in parts each output words itself. */
  parts: StatusPart[];
}

/** How an output refers to its list of findings. */
export interface FindingsPlace {
  /** Where the list is, after "listed": "under Findings", "below". */
  where: string;
  /** What to look at, after "see": "Findings", "below". */
  see: string;
}

/** The PDF's words for its Findings section. */
export const PDF_FINDINGS_PLACE: FindingsPlace = { where: 'under Findings', see: 'Findings' };

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** One part in words, for an output whose findings are at `place`. */
export function statusPartWords(part: StatusPart, place: FindingsPlace): string {
  switch (part.kind) {
    case 'text':
      return part.text;
    case 'each-listed':
      return `Each one is listed ${place.where} with what to do.`;
    case 'see-why':
      return `See ${place.see} for why, and check again.`;
    case 'also': {
      const bits: string[] = [];
      if (part.suggestions > 0)
        bits.push(`${plural(part.suggestions, 'suggestion', 'suggestions')} to improve`);
      if (part.couldNotRun > 0)
        bits.push(`${plural(part.couldNotRun, 'check', 'checks')} could not run`);
      return `Also: ${bits.join('; ')}.`;
    }
    case 'suggestions':
      return `${plural(part.count, 'suggestion', 'suggestions')} would make delivery more reliable (see ${place.see}).`;
    case 'checked-through': {
      const where =
        part.address !== undefined && part.port !== undefined
          ? ` (${part.address.includes(':') ? `[${part.address}]` : part.address}:${part.port})`
          : '';
      return `The mail server was checked through a tunnel or another address${where}, so whether other mail servers reach it on port 25 was not checked.`;
    }
  }
}

/** The whole explanation in words, for an output whose findings are at `place`. */
export function statusWords(status: OverallStatus, place: FindingsPlace): string {
  return status.parts.map((p) => statusPartWords(p, place)).join(' ');
}

function also(suggestions: number, couldNotRun: number): StatusPart[] {
  return suggestions > 0 || couldNotRun > 0 ? [{ kind: 'also', suggestions, couldNotRun }] : [];
}

/**
 * The overall status of a verification run. Failures come first; then records still on their
 * way; a run where some checks could not run, or were not made, is not called ready, because
 * nobody looked at those parts.
 */
export function overallStatus(run: CheckDocument | undefined): OverallStatus {
  if (run === undefined) {
    return {
      kind: 'not-verified',
      headline: 'Not verified yet',
      parts: [
        {
          kind: 'text',
          text: 'This summary lists what to publish, but nothing has been checked yet. Run the check in Mailwright (the Verify step) and export the summary again.',
        },
      ],
    };
  }
  const s = run.summary;
  if (s.fail > 0) {
    return {
      kind: 'to-fix',
      headline: plural(s.fail, 'thing to fix', 'things to fix'),
      parts: [
        {
          kind: 'text',
          text: `Mail from this server may be rejected or marked as spam until ${s.fail === 1 ? 'it is' : 'they are'} fixed.`,
        },
        { kind: 'each-listed' },
        ...also(s.warn, s.unknown),
      ],
    };
  }
  if (s.pending > 0) {
    return {
      kind: 'waiting',
      headline: 'Waiting for DNS to update',
      parts: [
        {
          kind: 'text',
          text: `Your DNS host has the new records, but ${plural(s.pending, 'of them is', 'of them are')} not yet visible everywhere. Nothing to do but wait; check again after the time shown.`,
        },
        ...also(s.warn, s.unknown),
      ],
    };
  }
  if (s.unknown > 0 || run.cancelled === true) {
    return {
      kind: 'incomplete',
      headline: 'Not fully verified',
      parts: [
        {
          kind: 'text',
          text: `Nothing failed, but ${plural(s.unknown, 'check', 'checks')} could not run${run.cancelled === true ? ' and the run was stopped early' : ''}.`,
        },
        { kind: 'see-why' },
        ...also(s.warn, 0),
      ],
    };
  }
  return notLookedAt(run) ?? ready(run);
}

// A run made without the SMTP or block-list checks (--no-smtp, --no-dnsbl, or the Records
// step's "Check these now") passed only what it looked at.
function notLookedAt(run: CheckDocument): OverallStatus | undefined {
  const looked = new Set<CheckGroup | undefined>(
    run.findings.map((f) => checkInfo(f.check)?.group),
  );
  const skipped = [
    looked.has('smtp') ? null : 'the mail server itself (port 25 and STARTTLS)',
    looked.has('dnsbl') ? null : 'the block lists',
  ].filter((x): x is string => x !== null);
  if (skipped.length === 0) return undefined;
  return {
    kind: 'incomplete',
    headline: 'Not fully verified',
    parts: [
      {
        kind: 'text',
        text: `Every check that ran passed, but this check did not look at ${skipped.join(' or ')}. Check again with ${skipped.length === 1 ? 'it' : 'them'} before you rely on it.`,
      },
      ...also(run.summary.warn, 0),
    ],
  };
}

function ready(run: CheckDocument): OverallStatus {
  const parts: StatusPart[] = [{ kind: 'text', text: 'Every check passed.' }];
  if (run.summary.warn > 0) parts.push({ kind: 'suggestions', count: run.summary.warn });
  const through = checkedThrough(run);
  if (through) parts.push(through);
  return { kind: 'ready', headline: 'Ready to send', parts };
}

/**
 * A run whose SMTP checks went through a tunnel (the CLI's --smtp-address, say) saw the mail
 * server, not whether the internet reaches it on port 25: "ready" says so rather than imply it.
 * The option's name stays in the finding's evidence (JSON, "What we saw"), not in the status.
 */
function checkedThrough(run: CheckDocument): StatusPart | undefined {
  const through = run.findings.find(
    (f) => f.check === 'smtp.reachable' && f.evidence?.['checkedThrough'] !== undefined,
  );
  if (!through) return undefined;
  const via = through.evidence?.['checkedThrough'] as { address?: unknown; port?: unknown };
  return typeof via.address === 'string' && typeof via.port === 'number'
    ? { kind: 'checked-through', address: via.address, port: via.port }
    : { kind: 'checked-through' };
}
