import { canonicalIp, isIpv6, reverseName } from '../../shared/checks/ip-facts';
import { DNS_LIMITS } from '../../shared/checks/dns-limits';
import { recordsOf, txtValues, publishedAnswer } from '../../shared/checks/dns-observation';
import type {
  DkimObservation,
  DmarcObservation,
  HostObservation,
  MxObservation,
  PtrObservation,
} from '../../shared/checks/observations';
import { COMMON_DKIM_SELECTORS, dkimName } from '../../shared/checks/dkim-selectors';
import { dmarcTexts } from '../../shared/checks/dmarc-checks';
import { looksLikeDkim } from '../../shared/checks/dkim-checks';
import { parseDkimRecord } from '../../shared/records/dkim-parse';
import { parseDmarc } from '../../shared/records/dmarc-parse';
import type { Plan } from '../../shared/model/plan';
import type { RunLookups } from './run-lookups';
import { dkimKeyInfo } from './dkim-key-info';

/** The mail host's A, AAAA and CNAME, and the names with the zone typed twice. */
export async function gatherHost(l: RunLookups, plan: Plan): Promise<HostObservation> {
  const [a, aaaa, cname, ...doubled] = await Promise.all([
    l.lookup(plan.mailHost, 'A'),
    l.lookup(plan.mailHost, 'AAAA'),
    l.lookup(plan.mailHost, 'CNAME'),
    l.lookup(`${plan.mailHost}.${plan.domain}`, 'A'),
    l.lookup(`${plan.domain}.${plan.domain}`, 'TXT'),
  ]);
  return { a, aaaa, cname, doubled };
}

/** MX of the domain, then each target's A, AAAA and CNAME. */
export async function gatherMx(l: RunLookups, plan: Plan): Promise<MxObservation> {
  const mx = await l.lookup(plan.domain, 'MX');
  const names = new Set<string>();
  let published = 0;
  for (const a of mx.answers) {
    const records = recordsOf(a.answer, 'MX');
    published = Math.max(published, records.length + (a.answer.recordsOmitted ?? 0));
    // Most preferred first, so the cap keeps the hosts that receive the mail.
    for (const r of [...records].sort((x, y) => x.preference - y.preference)) {
      const t = r.exchange.toLowerCase().replace(/\.$/, '');
      if (t !== '' && canonicalIp(t) === null) names.add(t);
    }
  }
  // The planned mail host is always among the followed ones when it is published.
  const host = plan.mailHost.toLowerCase();
  const ordered = names.has(host) ? [host, ...[...names].filter((n) => n !== host)] : [...names];
  const followed = ordered.slice(0, DNS_LIMITS.mxHostsFollowed);
  const targets = await Promise.all(
    followed.map(async (name) => {
      const [a, aaaa, cname] = await Promise.all([
        l.lookup(name, 'A'),
        l.lookup(name, 'AAAA'),
        l.lookup(name, 'CNAME'),
      ]);
      return { name, a, aaaa, cname };
    }),
  );
  return {
    mx,
    targets,
    ...(ordered.length > followed.length && {
      capped: { published: Math.max(published, ordered.length), followed: followed.length },
    }),
  };
}

/** One server IP's PTR, then each PTR name's addresses of the same family. */
export async function gatherPtr(l: RunLookups, ip: string): Promise<PtrObservation> {
  const rev = reverseName(ip);
  const ptr = await l.lookup(rev, 'PTR');
  const names = new Set<string>();
  let published = 0;
  for (const a of ptr.answers) {
    const records = recordsOf(a.answer, 'PTR');
    published = Math.max(published, records.length + (a.answer.recordsOmitted ?? 0));
    for (const r of records) names.add(r.target.toLowerCase().replace(/\.$/, ''));
  }
  const type = isIpv6(ip) ? 'AAAA' : 'A';
  const followed = [...names].slice(0, DNS_LIMITS.ptrNamesFollowed);
  const forward = await Promise.all(
    followed.map(async (name) => ({ name, lookup: await l.lookup(name, type) })),
  );
  return {
    ip,
    reverseName: rev,
    ptr,
    forward,
    ...(names.size > followed.length && {
      capped: { published: Math.max(published, names.size), followed: followed.length },
    }),
  };
}

/** The keys of the DKIM records published at a name, read by node:crypto (same order). */
function publishedKeys(lookup: DkimObservation['lookup']): DkimObservation['keys'] {
  const pub = publishedAnswer(lookup);
  return (pub ? txtValues(pub).filter(looksLikeDkim) : []).map((t) => {
    const rec = parseDkimRecord(t);
    return dkimKeyInfo(rec.publicKey, rec.keyType);
  });
}

/** The DKIM key at the planned selector; other common selectors when it is missing; keys read by node:crypto. */
export async function gatherDkim(l: RunLookups, plan: Plan): Promise<DkimObservation> {
  const planned = plan.dkim?.selector;
  const candidates = planned ? [planned] : [];
  let selector = planned ?? 'default';
  let lookup = await l.lookup(dkimName(selector, plan.domain), 'TXT');
  const hasKey = (a: ReturnType<typeof publishedAnswer>) =>
    a ? txtValues(a).some(looksLikeDkim) : false;
  const otherSelectors: DkimObservation['otherSelectors'] = [];
  if (!hasKey(publishedAnswer(lookup))) {
    const others = COMMON_DKIM_SELECTORS.filter((s) => !candidates.includes(s) && s !== selector);
    const found = await Promise.all(
      others.map(async (s) => ({
        selector: s,
        lookup: await l.lookup(dkimName(s, plan.domain), 'TXT'),
      })),
    );
    otherSelectors.push(...found);
    if (!planned) {
      // No selector in the plan: judge the first key found under a common one.
      const first = found.find((f) => hasKey(publishedAnswer(f.lookup)));
      if (first) {
        selector = first.selector;
        lookup = first.lookup;
        otherSelectors.splice(otherSelectors.indexOf(first), 1);
      }
    }
  }
  const obs: DkimObservation = { selector, lookup, keys: publishedKeys(lookup), otherSelectors };
  if (plan.dkim?.publicKey)
    obs.planKey = dkimKeyInfo(plan.dkim.publicKey, plan.dkim.keyType ?? 'rsa');
  return obs;
}

/**
 * A key the plan publishes beside the main one (an Ed25519 key next to the RSA key): only its own
 * selector is asked. Other selectors are not probed: a key found elsewhere, such as the main
 * RSA key, is no stand-in for this one.
 */
export async function gatherAdditionalDkim(
  l: RunLookups,
  plan: Plan,
  extra: { selector: string; publicKey: string; keyType: 'rsa' | 'ed25519' },
): Promise<DkimObservation> {
  const lookup = await l.lookup(dkimName(extra.selector, plan.domain), 'TXT');
  return {
    selector: extra.selector,
    lookup,
    keys: publishedKeys(lookup),
    otherSelectors: [],
    planKey: dkimKeyInfo(extra.publicKey, extra.keyType),
    additional: { keyType: extra.keyType },
  };
}

/** DMARC at _dmarc, the usual wrong places, and report authorisation of external report domains. */
export async function gatherDmarc(l: RunLookups, plan: Plan): Promise<DmarcObservation> {
  const d = plan.domain;
  const [lookup, ...misplaced] = await Promise.all([
    l.lookup(`_dmarc.${d}`, 'TXT'),
    l.lookup(d, 'TXT'),
    l.lookup(`_dmarc.${d}.${d}`, 'TXT'),
    l.lookup(`dmarc.${d}`, 'TXT'),
  ]);
  const pub = publishedAnswer(lookup);
  const text = pub ? dmarcTexts(txtValues(pub))[0] : undefined;
  const external = new Set<string>();
  if (text) {
    const rec = parseDmarc(text);
    for (const u of [...rec.rua, ...rec.ruf]) {
      if (u.domain && u.domain !== d && !u.domain.endsWith(`.${d}`)) external.add(u.domain);
    }
  }
  const reportAuth = await Promise.all(
    [...external].map(async (domain) => ({
      domain,
      lookup: await l.lookup(`${d}._report._dmarc.${domain}`, 'TXT'),
    })),
  );
  return { lookup, misplaced, reportAuth };
}
