import type { Finding } from './finding';
import { pendingFinding } from './visibility-findings';
import { detailText, makeFinding, unknownFinding } from './finding-make';
import { DNS_LIMITS, countWords, listWords } from './dns-limits';
import {
  publishedAnswers,
  lookupEvidence,
  perViewLines,
  recordsOf,
  whyUnknown,
  type ObservedAnswer,
} from './dns-observation';
import type { PtrObservation } from './observations';
import type { EvalContext } from './eval-context';
import { canonicalIp } from './ip-facts';
import { judgeVisibility } from './visibility';

function ptrNames(answer: ObservedAnswer | undefined): string[] {
  if (!answer) return [];
  return [
    ...new Set(recordsOf(answer, 'PTR').map((r) => r.target.toLowerCase().replace(/\.$/, ''))),
  ];
}

/**
 * Whether a PTR name looks like a provider's automatic name: it spells the address out
 * ("203-0-113-10", "10.113.0.203") or uses the usual generic words.
 */
export function looksGeneric(name: string, ip: string): boolean {
  const v4 = /^\d+\.\d+\.\d+\.\d+$/.test(ip) ? ip.split('.') : null;
  if (v4) {
    const dashed = v4.join('-');
    const reversed = v4.slice().reverse();
    if (
      name.includes(dashed) ||
      name.includes(v4.join('.')) ||
      name.includes(reversed.join('.')) ||
      name.includes(reversed.join('-'))
    ) {
      return true;
    }
  }
  return (
    /(^|[.-])(static|dynamic|dyn|dhcp|pool|client|clients|customer|cust|vps|host|ip|rev|reverse|unassigned|broadband|dsl)[.-]?\d/.test(
      name,
    ) ||
    /your-server\.de$|\.vultrusercontent\.com$|\.linodeusercontent\.com$|\.compute\.amazonaws\.com$|\.bc\.googleusercontent\.com$|contaboserver\.net$/.test(
      name,
    )
  );
}

/**
 * A request text for the VPS host, used as the fix when the PTR is wrong or missing. It says
 * the mail host already points to the address only when this run saw it do so
 * (`forward`: the mail host's published addresses; undefined when they could not be read).
 */
export function ptrRequestFix(ip: string, ctx: EvalContext, forward?: readonly string[]): string {
  const host = ctx.plan.mailHost;
  const points = forward?.includes(ip.toLowerCase()) === true;
  const request = `"Hello, please set the reverse DNS (PTR record) of my server's IP address ${ip} to ${host}.${points ? ` The forward record ${host} already points to ${ip}.` : ''} Thank you."`;
  const first = points
    ? ''
    : forward === undefined
      ? ` Before you ask, make sure ${host} points to ${ip} (its ${ip.includes(':') ? 'AAAA' : 'A'} record): many hosts check it.`
      : forward.length === 0
        ? ` First add the ${ip.includes(':') ? 'AAAA' : 'A'} record of ${host} with the value ${ip} (the Records step): ${host} has no address yet, and many hosts refuse a reverse name that does not point back.`
        : ` First change the ${ip.includes(':') ? 'AAAA' : 'A'} record of ${host} to ${ip}: it points to ${forward.join(', ')} today, and many hosts refuse a reverse name that does not point back.`;
  return `Set the reverse DNS (PTR) of ${ip} to ${host} in your VPS host's control panel (often under "Networking" or "Reverse DNS"). If there is no such setting, send their support this request: ${request}${first}`;
}

/** ptr.present: each server IP has a PTR record. */
export function evaluatePtrPresent(obs: PtrObservation, ctx: EvalContext): Finding {
  const evidence = { ptr: lookupEvidence(obs.ptr) };
  const lines = perViewLines(obs.ptr);
  const v = judgeVisibility(
    obs.ptr,
    (a) => ptrNames(a).includes(ctx.plan.mailHost),
    ctx.observedAt,
  );
  if (v.state === 'unknown')
    return unknownFinding('ptr.present', obs.ip, whyUnknown(obs.ptr), evidence);
  const names = ptrNames(v.published);
  if (names.length === 0) {
    return makeFinding('ptr.present', obs.ip, 'fail', {
      title: 'The server address has no reverse name (PTR)',
      detail: detailText(
        `${obs.ip} has no PTR record. Many mail servers (Gmail, Outlook, and most others) refuse or junk mail from an address without one.`,
        lines,
      ),
      fix: ptrRequestFix(obs.ip, ctx, obs.mailHostAddresses),
      evidence,
    });
  }
  if (v.state === 'good' && v.lagging.length > 0) {
    return pendingFinding(
      'ptr.present',
      obs.ip,
      `The reverse name of ${obs.ip} is set to ${ctx.plan.mailHost}`,
      v,
      lines,
      evidence,
    );
  }
  return makeFinding('ptr.present', obs.ip, 'pass', {
    title: 'The server address has a reverse name',
    detail: detailText(`${obs.ip} → ${listWords(names)}.`, lines),
    evidence,
  });
}

function publishedPtr(obs: PtrObservation): ObservedAnswer | undefined {
  return publishedAnswers(obs.ptr).answers[0]?.answer;
}

/** ptr.matches: the PTR name is the mail host (a provider's generic name is a fail, the request text the fix). */
export function evaluatePtrMatches(obs: PtrObservation, ctx: EvalContext): Finding {
  const host = ctx.plan.mailHost;
  const evidence = { ptr: lookupEvidence(obs.ptr) };
  const answer = publishedPtr(obs);
  if (!answer) return unknownFinding('ptr.matches', obs.ip, whyUnknown(obs.ptr), evidence);
  const names = ptrNames(answer);
  if (names.length === 0) {
    return makeFinding('ptr.matches', obs.ip, 'info', {
      title: 'Not checked: there is no reverse name yet',
      detail: `${obs.ip} has no PTR record to compare with ${host}. See "The server address has a reverse name".`,
      evidence,
    });
  }
  if (names.includes(host)) {
    return makeFinding('ptr.matches', obs.ip, names.length > 1 ? 'warn' : 'pass', {
      title:
        names.length > 1
          ? 'The address has several reverse names'
          : 'The reverse name is the mail host',
      detail:
        names.length > 1
          ? `${obs.ip} has ${names.length} PTR records (${listWords(names)}). Receivers pick one at random; only ${host} is right.`
          : `${obs.ip} → ${host}, the name your server uses.`,
      fix: `Keep only the PTR record ${host} for ${obs.ip}.`,
      evidence,
    });
  }
  const generic = names.some((n) => looksGeneric(n, obs.ip));
  return makeFinding('ptr.matches', obs.ip, 'fail', {
    title: generic
      ? "The reverse name is your VPS host's automatic name"
      : 'The reverse name is not the mail host',
    detail: generic
      ? `${obs.ip} → ${listWords(names)}, a name your VPS host gave it automatically. Receivers treat mail from such names like mail from home connections and often refuse it.`
      : `${obs.ip} → ${listWords(names)}, but your server calls itself ${host}. The two must match.`,
    fix: ptrRequestFix(obs.ip, ctx, obs.mailHostAddresses),
    evidence,
  });
}

/** ptr.fcrdns: the PTR name resolves back to the same IP (forward-confirmed reverse DNS). */
export function evaluateFcrdns(obs: PtrObservation, ctx: EvalContext): Finding {
  const evidence = {
    ptr: lookupEvidence(obs.ptr),
    forward: obs.forward.map((f) => lookupEvidence(f.lookup)),
  };
  const answer = publishedPtr(obs);
  if (!answer) return unknownFinding('ptr.fcrdns', obs.ip, whyUnknown(obs.ptr), evidence);
  const names = ptrNames(answer);
  if (names.length === 0) {
    return makeFinding('ptr.fcrdns', obs.ip, 'info', {
      title: 'Not checked: there is no reverse name yet',
      detail: `${obs.ip} has no PTR record to confirm. See "The server address has a reverse name".`,
      evidence,
    });
  }
  const want = canonicalIp(obs.ip);
  const confirmed: string[] = [];
  const unconfirmed: string[] = [];
  let couldNotAsk: string | undefined;
  for (const f of obs.forward) {
    const ans = publishedAnswers(f.lookup).answers[0];
    if (!ans) {
      couldNotAsk = whyUnknown(f.lookup);
      continue;
    }
    const addrs = [...recordsOf(ans.answer, 'A'), ...recordsOf(ans.answer, 'AAAA')].map(
      (r) => canonicalIp(r.address) ?? r.address,
    );
    (addrs.includes(want ?? obs.ip) ? confirmed : unconfirmed).push(
      `${f.name} → ${addrs.length ? listWords(addrs) : 'no address'}`,
    );
  }
  if (confirmed.length > 0) {
    return makeFinding('ptr.fcrdns', obs.ip, 'pass', {
      title: 'The reverse name leads back to the address',
      detail: `${obs.ip} → ${listWords(names)} → ${obs.ip}. Receivers can confirm the name.`,
      evidence,
    });
  }
  if (unconfirmed.length === 0 && couldNotAsk)
    return unknownFinding('ptr.fcrdns', obs.ip, couldNotAsk, evidence);
  return makeFinding('ptr.fcrdns', obs.ip, 'fail', {
    title: 'The reverse name does not lead back to the address',
    detail: detailText(
      `${obs.ip} → ${listWords(names)}, but that name does not point back to ${obs.ip}:${
        obs.capped
          ? ` (${obs.ip} has ${countWords(obs.capped.published)} reverse names: only the first ${countWords(obs.capped.followed)} were checked)`
          : ''
      }`,
      unconfirmed.slice(0, DNS_LIMITS.evidenceRecords),
    ),
    fix: names.includes(ctx.plan.mailHost)
      ? `Make the A${obs.ip.includes(':') ? 'AAA' : ''} record of ${ctx.plan.mailHost} point at ${obs.ip} (see the mail host checks).`
      : ptrRequestFix(obs.ip, ctx),
    evidence,
  });
}
