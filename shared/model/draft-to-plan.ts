import { defaultSelectorFor, findMailSoftware } from '../providers/mail-software';
import { normalizePastedDkim } from '../records/dkim-paste';
import { parseDkimCnamePaste } from '../records/dkim-cname-paste';
import { normalizeDomainInput } from './domain-input';
import { normalizeMailHostInput } from './mail-host-input';
import { withDraftDefaults, type FilledDraft } from './draft-defaults';
import type { Plan } from './plan';
import { checkPlanValues, type PlanIssue } from './plan-check';
import type { Draft } from './project';
import type { StepId } from './steps';
import { modeInForce, receiversElsewhere } from './mode-default';

/**
 * From what the user typed (the draft) to the plan the planner and the checker use. The
 * draft keeps every keystroke; the plan holds only validated, normalised values. Problems are
 * named by the draft field the user must change, so each step can show them beside its field.
 */

export type { FilledDraft } from './draft-defaults';

/** A draft field name, e.g. "ipv4" or "dkimPaste". */
export type DraftField = keyof FilledDraft & string;

/** One message about one draft field. */
export interface DraftProblem {
  field: DraftField;
  /** The wizard step where the field is. */
  step: StepId;
  message: string;
}

/** The plan made from a draft, or what stops it. */
export type DraftPlan =
  | { ok: true; plan: Plan; warnings: DraftProblem[] }
  | { ok: false; problems: DraftProblem[]; warnings: DraftProblem[] };

const STEP_OF: Partial<Record<DraftField, StepId>> = {
  domain: 'domain',
  mailHostLabel: 'domain',
  mode: 'domain',
  dnsHost: 'dns-host',
  dkimSource: 'dkim',
  dkimSelector: 'dkim',
  dkimPaste: 'dkim',
  dkimGenerated: 'dkim',
  dkimGeneratedEd25519: 'dkim',
  dmarcRua: 'records',
  dmarcPolicy: 'records',
};

/** The step a draft field is shown on. */
export function stepOfField(field: DraftField): StepId {
  return STEP_OF[field] ?? 'server';
}

/** Split an address field: people paste lists separated by commas, semicolons or spaces. */
export function splitAddresses(text: string): string[] {
  // "5,161,77,10" is one IPv4 address typed with commas (a keypad or a locale's habit), not four
  // addresses: keep it whole so it gets one message suggesting dots.
  if (COMMA_IPV4.test(text)) return [text.trim()];
  return text.split(/[\s,;]+/).filter((s) => s !== '');
}

const COMMA_IPV4 = /^\s*\d{1,3}(?:\s*,\s*\d{1,3}){3}\s*$/;

/** Which draft field a plan-validate field path came from. */
function draftFieldOf(planField: string, draft: FilledDraft): DraftField {
  const head = planField.replace(/\[.*$/, '').split('.')[0] ?? planField;
  if (head === 'mailHost') return 'mailHostLabel';
  if (head === 'senders') return planField.endsWith('.include') ? 'otherSenderInclude' : 'senders';
  if (head === 'dmarc') return planField.endsWith('policy') ? 'dmarcPolicy' : 'dmarcRua';
  if (head === 'dkim') {
    if (planField === 'dkim.selector') return 'dkimSelector';
    if (planField.startsWith('dkim.additional')) return 'dkimGeneratedEd25519';
    return draft.dkimSource === 'generate' ? 'dkimGenerated' : 'dkimPaste';
  }
  return (head in draft ? head : 'domain') as DraftField;
}

function problem(field: DraftField, message: string): DraftProblem {
  return { field, step: stepOfField(field), message };
}

/** The DKIM part of the plan from the draft; a paste that cannot be read is a problem. */
function dkimOf(
  draft: FilledDraft,
  domain: string | undefined,
  problems: DraftProblem[],
  warnings: DraftProblem[],
): Plan['dkim'] {
  const typed = draft.dkimSelector.trim();
  const fallback = defaultSelectorFor(draft.mailSoftware || undefined);
  // Software that makes its own key (mailcow, Mail-in-a-Box) signs with that key only, so a
  // key made here earlier would not match: the paste is what counts, as the DKIM step shows.
  const ownKey = findMailSoftware(draft.mailSoftware)?.keySource === 'own-ui';
  if (draft.dkimSource === 'generate' && !ownKey) {
    const key = draft.dkimGenerated;
    if (!key) return { selector: typed || fallback };
    // The Ed25519 key is only ever published beside a complete RSA key, under its own name.
    const ed = draft.dkimGeneratedEd25519;
    const beside = ed && ed.selector !== key.selector ? ed : null;
    return {
      selector: key.selector,
      publicKey: key.publicKey,
      keyType: key.keyType,
      ...(beside
        ? {
            additional: [
              { selector: beside.selector, publicKey: beside.publicKey, keyType: beside.keyType },
            ],
          }
        : {}),
    };
  }
  if (draft.dkimPaste.trim() === '') return { selector: typed || fallback };
  // A service that publishes the key itself gives a CNAME to paste instead of a key.
  const delegated = parseDkimCnamePaste(draft.dkimPaste);
  if (delegated) {
    if (delegated.domain && domain && delegated.domain !== domain) {
      warnings.push(
        problem(
          'dkimPaste',
          `The pasted record is for ${delegated.domain}, not ${domain}. Check that you copied the record for this domain.`,
        ),
      );
    }
    return { selector: typed || delegated.selector || fallback, cname: delegated.target };
  }
  const pasted = normalizePastedDkim(draft.dkimPaste);
  if (!pasted.ok) {
    problems.push(problem('dkimPaste', pasted.message));
    return { selector: typed || fallback };
  }
  if (pasted.domain && domain && pasted.domain !== domain) {
    warnings.push(
      problem(
        'dkimPaste',
        `The pasted record is for ${pasted.domain}, not ${domain}. Check that you copied the key for this domain.`,
      ),
    );
  }
  if (typed && pasted.selector && pasted.selector !== typed.toLowerCase()) {
    warnings.push(
      problem(
        'dkimSelector',
        `The pasted record names the selector "${pasted.selector}", but the selector field says "${typed}". The selector must match your mail software's setting; we used "${typed}".`,
      ),
    );
  }
  return {
    selector: typed || pasted.selector || fallback,
    publicKey: pasted.publicKey,
    keyType: pasted.keyType,
  };
}

/**
 * Build and validate the plan from the draft. Returns the plan with warnings, or every
 * problem found, each named by the draft field (and step) where the user fixes it. The
 * draft's values are trusted to be of the right form (main checks every draft against the
 * schema): the plan is built typed, so only its meaning is checked, without the schema library.
 */
export function draftToPlan(input: Partial<Draft>): DraftPlan {
  const draft = withDraftDefaults(input);
  const problems: DraftProblem[] = [];
  const warnings: DraftProblem[] = [];

  const domainResult = normalizeDomainInput(draft.domain);
  let domain: string | undefined;
  let mailHost = '';
  if (domainResult.ok) {
    domain = domainResult.domain;
    const host = normalizeMailHostInput(draft.mailHostLabel, domain);
    if (host.ok) mailHost = host.mailHost;
    else problems.push(problem('mailHostLabel', host.message));
  } else {
    problems.push(problem('domain', domainResult.message));
  }

  const senders: Plan['senders'] = draft.senders.map((id) =>
    id === 'other' ? { id, include: draft.otherSenderInclude.trim() } : id,
  );
  const rua = draft.dmarcRua.trim();
  const seen =
    draft.published && draft.published.domain === domain && draft.published.mailHost === mailHost
      ? draft.published
      : null;
  const elsewhere = receiversElsewhere(seen, mailHost);
  const mode = modeInForce(draft.mode, elsewhere);
  if (mode === null) {
    problems.push(
      problem(
        'mode',
        `Choose what this server will do: ${elsewhere.join(', ')} receives your mail today. "Send only" keeps it there; "Send and receive" moves it to this server.`,
      ),
    );
  }
  const built: Plan = {
    domain: domain ?? (draft.domain.trim() || 'invalid.invalid'),
    mailHost: mailHost || (domain ?? 'invalid.invalid'),
    ipv4: splitAddresses(draft.ipv4),
    ipv6: splitAddresses(draft.ipv6),
    mode: mode ?? 'send-only',
    senders,
    dkim: dkimOf(draft, domain, problems, warnings),
    dmarc: { policy: draft.dmarcPolicy, ...(rua ? { rua } : {}) },
    ...(draft.dnsHost ? { dnsHost: draft.dnsHost } : {}),
    ...(draft.vpsHost ? { vpsHost: draft.vpsHost } : {}),
    ...(draft.mailSoftware ? { mailSoftware: draft.mailSoftware } : {}),
    ...(draft.security ? { security: draft.security } : {}),
  };

  const checked = checkPlanValues(built);
  const already = new Set(problems.map((p) => p.field));
  const mapped = (issues: PlanIssue[]): DraftProblem[] =>
    issues.map((i) => problem(draftFieldOf(i.field, draft), i.message));
  for (const p of checked.ok ? [] : mapped(checked.errors)) {
    // The domain-field checks above already said it in the words of the form.
    if (already.has(p.field) || (!domain && p.field === 'mailHostLabel')) continue;
    problems.push(p);
  }
  warnings.push(...mapped(checked.warnings).filter((w) => w.field !== 'mailHostLabel'));

  if (problems.length > 0 || !checked.ok) return { ok: false, problems, warnings };
  return { ok: true, plan: checked.plan, warnings };
}
