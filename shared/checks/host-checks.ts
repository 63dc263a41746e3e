import { chainBreakFinding } from './chain-finding';
import type { Finding } from './finding';
import { pendingFinding } from './visibility-findings';
import { detailText, makeFinding, unknownFinding } from './finding-make';
import {
  describeRecords,
  isConclusive,
  lookupEvidence,
  perViewLines,
  publishedAnswer,
  recordsOf,
  whyUnknown,
  type Lookup,
  type ObservedAnswer,
} from './dns-observation';
import type { HostObservation } from './observations';
import { atDnsHost, nameField, relativeName, type EvalContext } from './eval-context';
import { canonicalIp, classifyIp, inRanges, type IpClass } from './ip-facts';
import { judgeVisibility } from './visibility';
import { CLOUDFLARE_NS, CLOUDFLARE_RANGES } from './cdn-ranges';
import { listWords } from './dns-limits';

const CLASS_WORDS: Record<Exclude<IpClass, 'public'>, string> = {
  documentation: 'is an address reserved for documentation and tests; no real server has it',
  private:
    'is an address inside a home or office network (private range); the internet cannot reach it',
  loopback: 'is this computer itself (loopback); the internet cannot reach it',
  'link-local': 'is a link-local address, valid only on one network cable or Wi-Fi',
  cgnat:
    "is a carrier-grade NAT address (100.64.0.0/10) shared by an internet provider's customers",
  'unique-local':
    'is a private IPv6 address (unique local, fc00::/7); the internet cannot reach it',
  reserved: 'is in a reserved range; the internet cannot reach it',
  invalid: 'is not an IP address',
};

/** host.public-ip: each planned server IP is a public address (documentation ranges: warn). */
export function evaluatePublicIps(ctx: EvalContext): Finding[] {
  const ips = [...ctx.plan.ipv4, ...ctx.plan.ipv6];
  return ips.map((ip) => {
    const kind = classifyIp(ip);
    if (kind === 'public') {
      return makeFinding('host.public-ip', ip, 'pass', {
        title: 'The server address is public',
        detail: `${ip} is a public internet address.`,
      });
    }
    const fix =
      'Use your server\'s public address. Your VPS host shows it in its control panel (often called "IPv4 address" or "Public IP"); on the server, `curl -4 ifconfig.me` prints it.';
    return makeFinding('host.public-ip', ip, kind === 'documentation' ? 'warn' : 'fail', {
      title:
        kind === 'documentation'
          ? 'The server address is an example address'
          : 'The server address is not public',
      detail: `${ip} ${CLASS_WORDS[kind]}.`,
      fix,
    });
  });
}

function addressSet(answer: ObservedAnswer | undefined, type: 'A' | 'AAAA'): string[] {
  if (!answer) return [];
  return [
    ...new Set(recordsOf(answer, type).map((r) => canonicalIp(r.address) ?? r.address)),
  ].sort();
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function addressCheck(
  check: 'host.a' | 'host.aaaa',
  type: 'A' | 'AAAA',
  lookup: Lookup,
  planned: string[],
  ctx: EvalContext,
): Finding {
  const host = ctx.plan.mailHost;
  const want = [...new Set(planned.map((ip) => canonicalIp(ip) ?? ip))].sort();
  const evidence = { lookup: lookupEvidence(lookup), planned: want };
  const lines = perViewLines(lookup);
  const rel = nameField(host, ctx);
  const family = type === 'A' ? 'IPv4' : 'IPv6';
  const v = judgeVisibility(
    lookup,
    (a) => sameSet(addressSet(a, type), want),
    ctx.observedAt,
    ctx.negativeTtl,
  );
  if (v.state === 'unknown') return unknownFinding(check, host, whyUnknown(lookup), evidence);
  const published = addressSet(v.published, type);

  if (want.length === 0) {
    if (published.length === 0) {
      return makeFinding(check, host, 'pass', {
        title: `No ${family} address, as planned`,
        detail: `${host} has no ${type} record, and the plan has no ${family} address.`,
        evidence,
      });
    }
    return makeFinding(check, host, 'warn', {
      title: `The mail host has an ${family} address the plan does not have`,
      detail: detailText(
        `${host} has the ${type} record ${listWords(published)}, but the plan lists no ${family} address. Other mail servers may connect to it, and it needs its own reverse DNS and SPF entry.`,
        lines,
      ),
      fix: `If the server really has this ${family} address, add it to the plan on the Server step. If not, delete the ${type} record "${rel}" ${atDnsHost(ctx)}.`,
      evidence,
    });
  }
  if (v.state === 'bad') {
    const broken = chainBreakFinding(check, host, lookup, ctx, 'the mail host');
    if (broken) return broken;
    const missing = published.length === 0;
    return makeFinding(check, host, 'fail', {
      title: missing
        ? `The mail host has no ${family} address`
        : `The mail host points at the wrong ${family} address`,
      detail: detailText(
        missing
          ? `${host} has no ${type} record, so other mail servers cannot find your server.`
          : `${host} points at ${listWords(published)}; the plan says ${want.join(', ')}.`,
        lines,
      ),
      fix: missing
        ? `Create ${want.length > 1 ? `${type} records` : `an ${type} record`} ${atDnsHost(ctx)}: Name "${rel}", Type ${type}, Value ${want.join(' and ')}.`
        : `Edit the ${type} record "${rel}" ${atDnsHost(ctx)} so its value is ${want.join(' and ')}${published.some((p) => !want.includes(p)) ? `, and delete ${listWords(published.filter((p) => !want.includes(p)))}` : ''}.`,
      evidence,
    });
  }
  if (v.lagging.length > 0) {
    return pendingFinding(
      check,
      host,
      `Your DNS host has ${host} → ${want.join(', ')}`,
      v,
      lines,
      evidence,
    );
  }
  return makeFinding(check, host, 'pass', {
    title: `The mail host points at the server (${family})`,
    detail: detailText(`${host} → ${want.join(', ')}, as planned.`, lines),
    evidence,
  });
}

/** host.a: the mail host's A records equal the planned IPv4 addresses. */
export function evaluateHostA(obs: HostObservation, ctx: EvalContext): Finding {
  return addressCheck('host.a', 'A', obs.a, ctx.plan.ipv4, ctx);
}

/** host.aaaa: AAAA equals the planned IPv6 addresses; an AAAA the plan does not have is a warn. */
export function evaluateHostAaaa(obs: HostObservation, ctx: EvalContext): Finding {
  return addressCheck('host.aaaa', 'AAAA', obs.aaaa, ctx.plan.ipv6, ctx);
}

/** host.not-cname: the mail host is not a CNAME (MX targets and HELO names must not be aliases). */
export function evaluateNotCname(obs: HostObservation, ctx: EvalContext): Finding {
  const host = ctx.plan.mailHost;
  const evidence = { cname: lookupEvidence(obs.cname) };
  const cnames = [obs.cname, obs.a, obs.aaaa].flatMap((l) =>
    l.answers.flatMap((a) =>
      recordsOf(a.answer, 'CNAME').filter((r) => r.name.toLowerCase() === host),
    ),
  );
  if (cnames.length > 0) {
    const target = cnames[0]?.target ?? '?';
    return makeFinding('host.not-cname', host, 'fail', {
      title: 'The mail host is an alias (CNAME)',
      detail: detailText(
        `${host} is a CNAME pointing at ${target}. Mail standards do not allow an MX to point at an alias, and it cannot have its own SPF record.`,
        perViewLines(obs.cname),
      ),
      fix: `Delete the CNAME record "${nameField(host, ctx)}" ${atDnsHost(ctx)} and create A (and AAAA) records with the server's addresses instead.`,
      evidence,
    });
  }
  const any = [obs.cname, obs.a].some((l) => l.answers.some((a) => isConclusive(a.answer)));
  if (!any) return unknownFinding('host.not-cname', host, whyUnknown(obs.cname), evidence);
  return makeFinding('host.not-cname', host, 'pass', {
    title: 'The mail host is not an alias',
    detail: `${host} has its own address records, not a CNAME.`,
    evidence,
  });
}

/** host.proxied: the mail host's addresses are not a web proxy's (Cloudflare's ranges). */
export function evaluateProxied(
  obs: HostObservation,
  nsNames: readonly string[],
  ctx: EvalContext,
): Finding {
  const host = ctx.plan.mailHost;
  const answers = [publishedAnswer(obs.a), publishedAnswer(obs.aaaa)];
  const evidence = {
    a: lookupEvidence(obs.a),
    aaaa: lookupEvidence(obs.aaaa),
    nameservers: [...nsNames],
  };
  if (answers.every((a) => a === undefined))
    return unknownFinding('host.proxied', host, whyUnknown(obs.a), evidence);
  // Every view counts here: a proxy's address seen anywhere means some senders reach the proxy.
  const seen = [obs.a, obs.aaaa].flatMap((l) =>
    l.answers.flatMap((a) =>
      [...recordsOf(a.answer, 'A'), ...recordsOf(a.answer, 'AAAA')].map((r) => r.address),
    ),
  );
  const proxied = [...new Set(seen.filter((ip) => inRanges(ip, CLOUDFLARE_RANGES)))];
  const onCloudflare = nsNames.some((n) => CLOUDFLARE_NS.test(n));
  if (proxied.length > 0) {
    return makeFinding('host.proxied', host, 'fail', {
      title: "The mail host goes to Cloudflare's proxy, not your server",
      detail: `${host} resolves to ${proxied.join(', ')}, which ${proxied.length > 1 ? 'are' : 'is'} Cloudflare's proxy address${proxied.length > 1 ? 'es' : ''}. The proxy carries web traffic only: mail to port 25 never reaches your server.`,
      fix: onCloudflare
        ? `In Cloudflare's DNS page, click the orange cloud next to the "${nameField(host, ctx)}" record so it turns grey ("DNS only"). Do this for its A and AAAA records.`
        : `The address belongs to Cloudflare's proxy. Point the "${nameField(host, ctx)}" record directly at your server's address, with any proxy or CDN switched off for it.`,
      evidence,
    });
  }
  return makeFinding('host.proxied', host, 'pass', {
    title: 'The mail host is not behind a web proxy',
    detail: `${host} resolves to ${describeAll(answers)}, not to a web proxy.`,
    evidence,
  });
}

function describeAll(answers: (ObservedAnswer | undefined)[]): string {
  const parts = answers
    .filter((a): a is ObservedAnswer => a !== undefined)
    .map((a) => describeRecords(a))
    .filter(Boolean);
  return parts.length ? parts.join(', ') : 'no address';
}

/** host.doubled-name: a record exists at `<host>.<domain>.<domain>` (the panel appended the zone twice). */
export function evaluateDoubledName(obs: HostObservation, ctx: EvalContext): Finding {
  const host = ctx.plan.mailHost;
  const domain = ctx.plan.domain;
  const evidence = { doubled: obs.doubled.map(lookupEvidence) };
  // No-data at the mail host's doubled name means a record of another type sits there; at the
  // doubled apex it only means something lies below it (a doubled _dmarc, judged by dmarc.misplaced).
  const found = obs.doubled.filter((l) =>
    l.answers.some(
      (a) =>
        a.answer.outcome === 'answer' ||
        (a.answer.outcome === 'nodata' && l.name.startsWith(`${host}.`)),
    ),
  );
  if (found.length > 0) {
    const names = [...new Set(found.map((l) => l.name))];
    return makeFinding('host.doubled-name', host, 'warn', {
      title: 'A record has the domain written twice in its name',
      detail: `${names.join(', ')} exist${names.length > 1 ? '' : 's'}. This happens when the full name is typed into a DNS panel that adds the domain by itself. The record is not where it should be.`,
      fix: `${atDnsHost(ctx).replace(/^in/, 'In')}, edit ${names.length > 1 ? 'these records' : 'this record'}: in the Name field type only the part before ${domain} (for example "${relativeName(host, domain)}", or "@" for ${domain} itself).`,
      evidence,
    });
  }
  const conclusive = obs.doubled.some((l) => l.answers.some((a) => isConclusive(a.answer)));
  if (obs.doubled.length > 0 && !conclusive) {
    return unknownFinding(
      'host.doubled-name',
      host,
      whyUnknown(obs.doubled[0] as Lookup),
      evidence,
    );
  }
  return makeFinding('host.doubled-name', host, 'pass', {
    title: 'No record with the domain typed twice',
    detail: `Nothing exists at ${obs.doubled.map((l) => l.name).join(', ') || `${host}.${domain}`}.`,
    evidence,
  });
}
