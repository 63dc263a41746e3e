import { normalizeDomainInput } from '../model/domain-input';
import type { Finding } from './finding';
import { detailText, makeFinding, unknownFinding } from './finding-make';
import {
  isConclusive,
  lookupEvidence,
  perViewLines,
  recordsOf,
  whyUnknown,
} from './dns-observation';
import type { DomainObservation } from './observations';
import type { EvalContext } from './eval-context';

/** domain.valid: the plan's domain is a name someone can own (not a public suffix; IDN converted). */
export function evaluateDomainValid(ctx: EvalContext): Finding {
  const domain = ctx.plan.domain;
  const r = normalizeDomainInput(domain);
  if (!r.ok) {
    return makeFinding('domain.valid', domain, 'fail', {
      title: 'The domain is not a valid name',
      detail: r.message,
      fix: 'Enter the domain your mail addresses use, for example example.com, on the Domain step.',
    });
  }
  if (r.domain !== domain) {
    return makeFinding('domain.valid', domain, 'fail', {
      title: 'The domain is not written the way DNS needs it',
      detail: `The plan says "${domain}"; in DNS this domain is written "${r.domain}".`,
      fix: `Use "${r.domain}" as the domain (the Domain step does this for you).`,
    });
  }
  const unicode = r.unicode !== r.domain ? ` It is written ${r.unicode} in your own script.` : '';
  return makeFinding('domain.valid', domain, 'pass', {
    title: 'The domain is a valid name',
    detail: `${domain} is a name you can register.${unicode}${r.notes.length ? ` ${r.notes.join(' ')}` : ''}`,
  });
}

/** Whether a name ends in the zone twice, the mark of a name typed without its trailing dot. */
export function endsInZoneTwice(name: string, zone: string): boolean {
  const n = name.toLowerCase().replace(/\.$/, '');
  const z = zone.toLowerCase().replace(/\.$/, '');
  return n.endsWith(`.${z}.${z}`);
}

/** domain.delegated: the domain has NS records and its zone answers (SOA). */
export function evaluateDelegated(obs: DomainObservation, ctx: EvalContext): Finding {
  const domain = ctx.plan.domain;
  const evidence = {
    soa: lookupEvidence(obs.soa),
    ns: lookupEvidence(obs.ns),
    zone: obs.zone ?? null,
  };
  const lines = [...perViewLines(obs.ns)];
  const answered = obs.nameservers.filter((n) => n.answered);
  const nsRecords = obs.ns.answers.flatMap((a) =>
    recordsOf(a.answer, 'NS').map((r) => r.target.toLowerCase()),
  );
  const nsNames = [...new Set([...nsRecords, ...obs.nameservers.map((n) => n.name)])];
  const doubled = nsNames.filter((n) => endsInZoneTwice(n, domain));

  const conclusive = [...obs.soa.answers, ...obs.ns.answers].filter((a) => isConclusive(a.answer));
  if (conclusive.length === 0 && answered.length === 0) {
    return unknownFinding(
      'domain.delegated',
      domain,
      obs.discoveryError ?? whyUnknown(obs.soa),
      evidence,
    );
  }
  const nx = conclusive.length > 0 && conclusive.every((a) => a.answer.outcome === 'nxdomain');
  if (nx) {
    return makeFinding('domain.delegated', domain, 'fail', {
      title: 'The domain does not exist in DNS',
      detail: detailText(`Every DNS server says ${domain} does not exist.`, lines),
      fix: 'Check the spelling. If it is right, check at your registrar that the domain is registered, paid and not expired, and that it has nameservers.',
      evidence,
    });
  }
  if (obs.zone && obs.zone !== domain && !domain.endsWith(`.${obs.zone}`)) {
    return unknownFinding(
      'domain.delegated',
      domain,
      `the zone found (${obs.zone}) does not contain ${domain}`,
      evidence,
    );
  }
  if (obs.zone && obs.zone !== domain) {
    // The domain is part of a parent zone: fine for a subdomain, not for the registrable domain.
    const parentIsSuffix = !obs.zone.includes('.') || nsNames.length === 0;
    if (parentIsSuffix) {
      return makeFinding('domain.delegated', domain, 'fail', {
        title: 'The domain has no nameservers',
        detail: detailText(
          `${domain} has no nameservers of its own (the answers come from ${obs.zone}).`,
          lines,
        ),
        fix: "At your registrar, set the domain's nameservers to the ones your DNS host gives you.",
        evidence,
      });
    }
  }
  if (doubled.length > 0) {
    return makeFinding('domain.delegated', domain, 'fail', {
      title: 'A nameserver name has the domain written twice',
      detail: detailText(
        `${doubled.join(', ')} ends in ${domain} twice: the name was typed without its final dot, so the panel added the domain again.`,
        lines,
      ),
      fix: `Edit the NS record ${nsNamesFix(doubled, domain)}. Type the nameserver's full name with a final dot (for example ns1.example.net.), or as your DNS host's form asks.`,
      evidence,
    });
  }
  if (nsNames.length === 0) {
    return makeFinding('domain.delegated', domain, 'fail', {
      title: 'The domain has no nameservers',
      detail: detailText(`No NS records were found for ${domain}.`, lines),
      fix: "At your registrar, set the domain's nameservers to the ones your DNS host gives you.",
      evidence,
    });
  }
  if (answered.length === 0) {
    return makeFinding('domain.delegated', domain, 'fail', {
      title: "None of the domain's nameservers answers for it",
      detail: detailText(
        `The domain's nameservers are ${nsNames.join(', ')}, but none of them answered for ${domain}.`,
        obs.nameservers.map((n) => `${n.name}: ${n.error ?? 'no answer'}`),
      ),
      fix: 'Check at your DNS host that the domain (the zone) is set up there, and at your registrar that the nameservers are the ones your DNS host gives you.',
      evidence,
    });
  }
  return makeFinding('domain.delegated', domain, 'pass', {
    title: 'The domain has nameservers that answer',
    detail: `${domain} is served by ${nsNames.join(', ')}.`,
    evidence,
  });
}

function nsNamesFix(names: string[], domain: string): string {
  return names.map((n) => `"${n}" to "${n.slice(0, -domain.length - 1)}"`).join(', ');
}

/** Outcomes that say the server could not be reached, as opposed to answering wrongly. */
const SILENT: ReadonlySet<string> = new Set(['timeout', 'error']);

/** domain.nameservers: every nameserver answers with authority, and they agree (same SOA serial). */
export function evaluateNameservers(obs: DomainObservation, ctx: EvalContext): Finding {
  const domain = ctx.plan.domain;
  const evidence = { nameservers: obs.nameservers, soa: lookupEvidence(obs.soa) };
  if (obs.nameservers.length === 0) {
    return unknownFinding(
      'domain.nameservers',
      domain,
      obs.discoveryError ?? 'no nameservers were found to ask',
      evidence,
    );
  }
  const answered = obs.nameservers.filter((n) => n.answered);
  const lines = obs.nameservers.map(
    (n) =>
      `${n.name}${n.addresses.length ? ` (${n.addresses.join(', ')})` : ''}: ${
        n.answered
          ? `answers, zone version ${n.soaSerial ?? '?'}`
          : n.lame
            ? 'answers without authority (lame)'
            : (n.error ?? 'no answer')
      }`,
  );
  if (answered.length === 0) {
    return unknownFinding(
      'domain.nameservers',
      domain,
      `none of the nameservers could be asked from this computer (${obs.nameservers.map((n) => `${n.name}: ${n.error ?? 'no answer'}`).join('; ')})`,
      evidence,
    );
  }
  // A lame server answers, but without authority (AA=0): from a cache or a stale copy.
  const lame = obs.nameservers.filter((n) => !n.answered && n.lame === true);
  const broken = obs.nameservers.filter(
    (n) => !n.answered && !n.lame && n.outcome !== undefined && !SILENT.has(n.outcome),
  );
  const silent = obs.nameservers.filter((n) => !n.answered && !n.lame && !broken.includes(n));
  if (broken.length > 0) {
    return makeFinding('domain.nameservers', domain, 'fail', {
      title: 'A nameserver does not serve the domain',
      detail: detailText(
        `${broken.map((n) => n.name).join(', ')} ${broken.length > 1 ? 'are' : 'is'} listed as a nameserver of ${domain} but does not answer for it. Resolvers that ask it get an error and may give up.`,
        lines,
      ),
      fix: 'Make the NS records match exactly the nameservers your DNS host gives you: at your registrar and in the zone itself. Remove any left over from an old DNS host.',
      evidence,
    });
  }
  const serials = new Set(answered.map((n) => n.soaSerial).filter((s) => s !== undefined));
  if (lame.length > 0) {
    return makeFinding('domain.nameservers', domain, 'warn', {
      title: 'A nameserver answers without authority',
      detail: detailText(
        `${lame.map((n) => n.name).join(', ')} ${lame.length > 1 ? 'answer' : 'answers'} for ${domain} but not as ${lame.length > 1 ? 'their' : 'its'} owner (no "authoritative answer" flag): ${lame.length > 1 ? 'they do' : 'it does'} not hold your zone and may hand out old or made-up records. Its answers were not counted as what your DNS host publishes. The others answer properly, so mail still works for now.`,
        lines,
      ),
      fix: `Remove ${lame.map((n) => n.name).join(', ')} from the domain's nameservers at your registrar (and from the NS records in the zone), or ask your DNS host to serve the zone on ${lame.length > 1 ? 'them' : 'it'}. Keep only the nameservers your DNS host gives you.`,
      evidence,
    });
  }
  if (silent.length > 0) {
    return makeFinding('domain.nameservers', domain, 'warn', {
      title: 'A nameserver does not answer',
      detail: detailText(
        `${silent.map((n) => n.name).join(', ')} did not answer in time. The others did, so mail still works, but lookups can be slow or fail now and then.`,
        lines,
      ),
      fix: "If it stays silent, ask your DNS host about it, or remove it from the domain's nameservers at your registrar.",
      evidence,
    });
  }
  if (serials.size > 1) {
    return makeFinding('domain.nameservers', domain, 'warn', {
      title: "The nameservers don't all have the same version of your records",
      detail: detailText(
        'The nameservers answer with different versions (serials) of the zone. This is normal for a few minutes after a change; if it lasts, some people see old records.',
        lines,
      ),
      fix: 'Wait a few minutes and check again. If it lasts more than an hour, contact your DNS host.',
      evidence,
    });
  }
  return makeFinding('domain.nameservers', domain, 'pass', {
    title: 'Every nameserver answers and they agree',
    detail: detailText(
      `All ${answered.length} nameservers answer for ${domain} with the same records.`,
      lines,
    ),
    evidence,
  });
}
