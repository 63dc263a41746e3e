import type { Finding } from './finding';
import { detailText, makeFinding } from './finding-make';
import { ON_SERVER_WORDS, onServerClause } from './smtp-words';

const OR_DQS = "Or add a free Spamhaus DQS key, or look the address up on the lists' web pages.";
import {
  isConclusive,
  lookupEvidence,
  recordsOf,
  txtValues,
  type ObservedAnswer,
} from './dns-observation';
import type { DnsblObservation, DnsblQuery } from './observations';
import type { EvalContext } from './eval-context';
import { DEFAULT_DNSBLS, listForZone, type DnsblList } from './dnsbl-lists';

/** What one list said about one subject. */
export type DnsblVerdict =
  | { kind: 'clean' }
  | { kind: 'listed'; codes: string[]; meanings: string[]; policyOnly: boolean; reason?: string }
  | { kind: 'refused'; codes: string[] }
  | { kind: 'unknown'; why: string };

function listOf(q: DnsblQuery): DnsblList {
  return DEFAULT_DNSBLS.find((l) => l.id === q.list) ?? listForZone(q.zone);
}

function meaningOf(
  list: DnsblList,
  code: string,
): { meaning: string; policy: boolean } | undefined {
  const last = Number(code.split('.')[3]);
  if (list.bitmask) {
    const hits = list.codes.filter((c) => (last & c.value) !== 0);
    return hits.length
      ? { meaning: hits.map((h) => h.meaning).join('; '), policy: false }
      : undefined;
  }
  const hit = list.codes.find(
    (c) => c.value === last && code.startsWith(list.kind === 'domain' ? '127.0.1.' : '127.0.0.'),
  );
  return hit ? { meaning: hit.meaning, policy: hit.policy ?? false } : undefined;
}

/** Read one list's answer: listed (with meanings), clean, refused (public resolver, rate limit) or unknown. */
export function dnsblVerdict(q: DnsblQuery): DnsblVerdict {
  const list = listOf(q);
  const answer = q.a.answers[0]?.answer;
  if (!answer) return { kind: 'unknown', why: 'the list was not asked' };
  if (answer.outcome === 'nxdomain' || answer.outcome === 'nodata') return { kind: 'clean' };
  if (!isConclusive(answer))
    return { kind: 'unknown', why: `the list did not answer: ${answer.error ?? answer.outcome}` };
  const codes = recordsOf(answer, 'A').map((r) => r.address);
  if (codes.length === 0) return { kind: 'clean' };
  const refused = codes.filter(
    (c) =>
      c.startsWith('127.255.255.') ||
      list.refusal.includes(c) ||
      (list.bitmask === true && Number(c.split('.')[3]) & 1),
  );
  if (refused.length > 0) return { kind: 'refused', codes: refused };
  const odd = codes.filter((c) => !c.startsWith('127.'));
  if (odd.length > 0)
    return {
      kind: 'unknown',
      why: `the list answered ${odd.join(', ')}, which is not a block-list answer (the list may be retired, or the resolver rewrites answers)`,
    };
  const meanings = codes.map((c) => meaningOf(list, c));
  const known = meanings.filter((m): m is { meaning: string; policy: boolean } => m !== undefined);
  const txt = q.txt?.answers[0]?.answer;
  const reason = txt && txt.outcome === 'answer' ? txtValues(txt).join(' ') : undefined;
  if (known.length === 0 && list.codes.length > 0) {
    return { kind: 'unknown', why: `the list answered ${codes.join(', ')}, a code we do not know` };
  }
  return {
    kind: 'listed',
    codes,
    meanings: known.map((m) => m.meaning),
    policyOnly: known.length > 0 && known.every((m) => m.policy),
    ...(reason ? { reason } : {}),
  };
}

function askedVia(q: DnsblQuery): string {
  const a = q.a.answers[0];
  if (!a) return 'no resolver';
  const server = a.answer.server;
  return server && !a.label.includes(server) ? `${a.label} (${server})` : a.label;
}

function evaluateSubject(
  check: 'dnsbl.ip' | 'dnsbl.domain',
  subject: string,
  queries: DnsblQuery[],
): Finding {
  const rows = queries.map((q) => ({ q, list: listOf(q), v: dnsblVerdict(q) }));
  const evidence = {
    lists: rows.map((r) => ({
      list: r.list.name,
      zone: r.q.zone,
      verdict: r.v,
      a: lookupEvidence(r.q.a),
      ...(r.q.txt ? { txt: lookupEvidence(r.q.txt) } : {}),
    })),
  };
  const listed = rows.filter((r) => r.v.kind === 'listed');
  const serious = listed.filter((r) => r.v.kind === 'listed' && !r.v.policyOnly);
  const refused = rows.filter((r) => r.v.kind === 'refused');
  const unknown = rows.filter((r) => r.v.kind === 'unknown');
  const clean = rows.filter((r) => r.v.kind === 'clean');
  const lines = rows.map((r) => {
    const v = r.v;
    switch (v.kind) {
      case 'clean':
        return `${r.list.name}: not listed`;
      case 'listed':
        return `${r.list.name}: LISTED (${v.codes.join(', ')})${v.meanings.length ? `: ${v.meanings.join('; ')}` : ''}${v.reason ? `. The list says: "${v.reason}"` : ''}. Removal: ${r.list.removal}${r.list.note ? `. ${r.list.note}` : ''}`;
      case 'refused':
        return `${r.list.name}: could not check: the list refused the query (public resolver or rate limit; answer ${v.codes.join(', ')}; asked via ${askedVia(r.q)})`;
      case 'unknown':
        return `${r.list.name}: could not check: ${v.why} (asked via ${askedVia(r.q)})`;
    }
  });
  if (serious.length > 0) {
    return makeFinding(check, subject, 'fail', {
      title: `${subject} is on ${serious.length > 1 ? `${serious.length} block lists` : 'a block list'}`,
      detail: detailText(
        `Mail servers that use ${serious.map((r) => r.list.name).join(', ')} refuse or junk mail ${check === 'dnsbl.ip' ? 'from this address' : 'mentioning this domain'}.`,
        lines,
      ),
      fix: `Find and stop what caused it (an open relay, a hacked account or form, a bought list), then ask for removal: ${serious.map((r) => `${r.list.name}: ${r.list.removal}`).join('; ')}.`,
      evidence,
    });
  }
  if (listed.length > 0) {
    return makeFinding(check, subject, 'warn', {
      title: `${subject} is in a range marked "should not send mail directly"`,
      detail: detailText(
        "This is Spamhaus's Policy Block List: it is about the address range, not about anything you did. Receivers that use it refuse direct mail from the address.",
        lines,
      ),
      fix: `As the owner of a mail server on this address, remove it yourself at ${listed[0]?.list.removal} (it takes a few minutes). Make sure its reverse DNS is set first.`,
      evidence,
    });
  }
  if (refused.length + unknown.length > 0) {
    const resolvers = [...new Set([...refused, ...unknown].map((r) => askedVia(r.q)))].join(', ');
    return makeFinding(check, subject, 'unknown', {
      title: clean.length
        ? 'Some block lists could not be checked'
        : 'The block lists could not be checked',
      detail: detailText(
        `${clean.length ? `Not listed on ${clean.map((r) => r.list.name).join(', ')}. ` : ''}${[...refused, ...unknown].map((r) => r.list.name).join(', ')} could not be checked from here${refused.length ? ': some lists refuse queries that come through public resolvers or too many queries' : ''} (asked via ${resolvers}).`,
        lines,
      ),
      fix: `R${onServerClause().slice(1)}: its own resolver is usually allowed. ${OR_DQS}`,
      ownerFix: `R${ON_SERVER_WORDS.slice(1)}: its own resolver is usually allowed. ${OR_DQS}`,
      evidence,
    });
  }
  return makeFinding(check, subject, 'pass', {
    title: `${subject} is not on block lists`,
    detail: detailText(`Not listed on any of the ${rows.length} lists checked.`, lines),
    evidence,
  });
}

/** dnsbl.ip and dnsbl.domain: one finding per server IP and one for the domain, all lists together. */
export function evaluateDnsbl(obs: DnsblObservation, ctx: EvalContext): Finding[] {
  if (obs.skipped) return [];
  const out: Finding[] = [];
  const ips = [...ctx.plan.ipv4, ...ctx.plan.ipv6];
  for (const ip of ips) {
    const qs = obs.queries.filter((q) => q.subject === ip);
    if (qs.length) out.push(evaluateSubject('dnsbl.ip', ip, qs));
  }
  const dq = obs.queries.filter((q) => q.subject === ctx.plan.domain);
  if (dq.length) out.push(evaluateSubject('dnsbl.domain', ctx.plan.domain, dq));
  return out;
}

/** The A answer of a list query says "listed" (used by the probe to decide whether to fetch TXT). */
export function answerLists(answer: ObservedAnswer): boolean {
  return answer.outcome === 'answer' && recordsOf(answer, 'A').length > 0;
}
