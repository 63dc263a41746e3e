import { parse as parseDomain } from 'tldts';
import { isCnameTarget } from '../records/dkim-cname-paste';
import { decodeBase64 } from '../records/base64';
import { describePublicKey } from '../records/public-key-der';
import { spfDomainSpecProblem } from '../records/spf-parse';
import { mailtoOf, parseMailAddress, parseMailtoUri } from '../records/mail-address';
import { DNS_HOST_IDS } from '../providers/dns-hosts';
import { findMailSoftware } from '../providers/mail-software';
import { findSender, SENDER_IDS } from '../providers/senders';
import { VPS_HOST_IDS } from '../providers/vps-hosts';
import { hostnameProblem, toAsciiName } from './domain-input';
import { validateIpInput } from './ip-input';
import { WHY_SUBDOMAIN } from './mail-host-input';
import type { Plan } from './plan';

/**
 * The meaning step of plan validation: every value of a plan that already has the right form
 * (a plan file after the schema step in plan-validate.ts, or the plan the wizard builds typed
 * from the draft) that a person could get wrong, each with a message that names the field
 * (e.g. `ipv4[0]: "1231233" is not an IPv4 address ...`). Values come back normalised
 * (lowercase ASCII names, canonical addresses); warnings say what is unusual but allowed.
 * Pure and free of the schema library, so the renderer can run it on every keystroke.
 */

/** One message about one field. `field` is a path like "ipv4[0]" or "dkim.selector". */
export interface PlanIssue {
  field: string;
  message: string;
}

/** The outcome of checkPlanValues and validatePlan. */
export type PlanValidation =
  | { ok: true; plan: Plan; warnings: PlanIssue[] }
  | {
      ok: false;
      /** The first problem's field, for a one-line error. */
      field: string;
      /** The first problem's message. */
      message: string;
      errors: PlanIssue[];
      warnings: PlanIssue[];
    };

/**
 * The most server addresses a plan may list per family. A mail server has one or two; each one
 * becomes an SPF mechanism, an A/AAAA record and a PTR request, and SPF records have a size limit.
 */
export const MAX_ADDRESSES_PER_FAMILY = 32;

const SELECTOR =
  /^[a-z0-9](?:[a-z0-9_-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9_-]{0,61}[a-z0-9])?)*$/;

function normaliseName(raw: string): string | null {
  const ascii = toAsciiName(raw.trim().replace(/\.$/, ''));
  return ascii;
}

/** Check one report address (rua/ruf) with the shared parser; returns the mailto: URI or an error. */
function reportUri(raw: string): { uri: string; note?: string } | { error: string } {
  const v = raw.trim();
  const example = 'Give one like mailto:dmarc@example.com.';
  if (/^mailto:/i.test(v)) {
    const r = parseMailtoUri(v);
    if (!r.ok) return { error: `${r.message} ${example}` };
    if (r.uri === v || r.uri.toLowerCase() === v.toLowerCase()) return { uri: r.uri };
    return {
      uri: r.uri,
      note: `We wrote it as "${r.uri}"${r.domain !== r.unicodeDomain ? ': DNS records carry international domain names in this ASCII form' : ''}.`,
    };
  }
  if (v.includes('@')) {
    const a = parseMailAddress(v);
    if (!a.ok) return { error: `${a.message} ${example}` };
    const uri = mailtoOf(a.local, a.domain);
    return { uri, note: `We wrote it as "${uri}", the form DMARC needs.` };
  }
  return { error: `"${v}" is not a report address. ${example}` };
}

/** A copy of the parts of a plan that checking normalises, so the caller's plan is never changed. */
function copyForNormalising(plan: Plan): Plan {
  return {
    ...plan,
    ipv4: [...plan.ipv4],
    ipv6: [...plan.ipv6],
    senders: [...plan.senders],
    ...(plan.dkim
      ? {
          dkim: {
            ...plan.dkim,
            ...(plan.dkim.additional
              ? { additional: plan.dkim.additional.map((a) => ({ ...a })) }
              : {}),
          },
        }
      : {}),
    ...(plan.dmarc ? { dmarc: { ...plan.dmarc } } : {}),
  };
}

/** Check and normalise the values of a plan that has the right form (see the file comment). */
// eslint-disable-next-line max-lines-per-function -- over 100 lines: to be split along its seams (#16)
export function checkPlanValues(input: Plan): PlanValidation {
  const errors: PlanIssue[] = [];
  const warnings: PlanIssue[] = [];
  const plan = copyForNormalising(input);
  const fail = (): PlanValidation => {
    const first = errors[0] as PlanIssue;
    return { ok: false, field: first.field, message: first.message, errors, warnings };
  };

  // Domain
  const domain = normaliseName(plan.domain);
  const domainProblem =
    domain === null ? 'cannot be turned into a domain name' : hostnameProblem(domain);
  if (domain === null || domainProblem) {
    errors.push({
      field: 'domain',
      message: `"${plan.domain}" ${domainProblem ?? 'is not a domain name'}.`,
    });
  } else {
    const info = parseDomain(domain);
    if (info.isIp)
      errors.push({
        field: 'domain',
        message: `"${plan.domain}" is an IP address; the domain is a name like example.com.`,
      });
    else if (info.publicSuffix === domain) {
      errors.push({
        field: 'domain',
        message: `"${plan.domain}" is a public ending (like .com or .co.uk), not a domain you can own.`,
      });
    }
    plan.domain = domain;
  }

  // Mail host
  const mailHost = normaliseName(plan.mailHost);
  const hostProblem =
    mailHost === null ? 'cannot be turned into a host name' : hostnameProblem(mailHost);
  if (mailHost === null || hostProblem) {
    errors.push({
      field: 'mailHost',
      message: `"${plan.mailHost}" ${hostProblem ?? 'is not a host name'}.`,
    });
  } else {
    plan.mailHost = mailHost;
    if (domain && mailHost === domain) {
      warnings.push({
        field: 'mailHost',
        message: `The mail host is the domain itself. That works, but ${WHY_SUBDOMAIN.charAt(0).toLowerCase()}${WHY_SUBDOMAIN.slice(1)}`,
      });
    } else if (domain && !mailHost.endsWith(`.${domain}`)) {
      warnings.push({
        field: 'mailHost',
        message: `${mailHost} is not inside ${domain}, so its address (A) record is set in the DNS of ${mailHost.split('.').slice(1).join('.')}, not ${domain}.`,
      });
    }
  }

  // Addresses
  const hadAddresses = plan.ipv4.length + plan.ipv6.length > 0;
  for (const family of ['ipv4', 'ipv6'] as const) {
    if (plan[family].length > MAX_ADDRESSES_PER_FAMILY) {
      // Refused before any address is parsed, so a huge list costs nothing.
      errors.push({
        field: family,
        message: `lists ${plan[family].length} addresses; a plan takes at most ${MAX_ADDRESSES_PER_FAMILY} per family (a mail server usually has one). Keep only the addresses your mail server sends from.`,
      });
      plan[family] = [];
      continue;
    }
    const seen = new Set<string>();
    const out: string[] = [];
    plan[family].forEach((raw, i) => {
      const r = validateIpInput(raw, family);
      if (!r.ok) {
        errors.push({ field: `${family}[${i}]`, message: r.message });
        return;
      }
      if (r.message) warnings.push({ field: `${family}[${i}]`, message: r.message });
      if (seen.has(r.value)) {
        warnings.push({
          field: `${family}[${i}]`,
          message: `${r.value} is listed twice; we kept it once.`,
        });
        return;
      }
      seen.add(r.value);
      out.push(r.value);
    });
    plan[family] = out;
  }
  if (!hadAddresses) {
    errors.push({
      field: 'ipv4',
      message:
        "Give at least one server address (ipv4 or ipv6): your server's public address is shown in your VPS host's control panel.",
    });
  }

  // Senders
  plan.senders.forEach((s, i) => {
    const id = typeof s === 'string' ? s : s.id;
    const include = typeof s === 'string' ? undefined : s.include;
    if (!findSender(id)) {
      errors.push({
        field: `senders[${i}]`,
        message: `"${id}" is not a sender we know. Use one of ${SENDER_IDS.join(', ')} (with "include" for "other").`,
      });
      return;
    }
    if (id === 'other' && !include) {
      errors.push({
        field: `senders[${i}].include`,
        message:
          'For "other", give the SPF include your service documents, e.g. {"id": "other", "include": "spf.example-mailer.com"}.',
      });
      return;
    }
    if (include !== undefined) {
      const spec = include.replace(/^include:/i, '').trim();
      const problem = spfDomainSpecProblem(spec);
      if (problem)
        errors.push({ field: `senders[${i}].include`, message: `"${include}" ${problem}.` });
    }
  });

  // DKIM
  if (plan.dkim) {
    const selector = plan.dkim.selector
      .trim()
      .toLowerCase()
      .replace(/\._domainkey.*$/, '');
    if (!SELECTOR.test(selector)) {
      errors.push({
        field: 'dkim.selector',
        message: `"${plan.dkim.selector}" is not a valid selector. Use letters, digits and hyphens, for example "mail" or "default".`,
      });
    } else {
      if (selector !== plan.dkim.selector) {
        warnings.push({
          field: 'dkim.selector',
          message: `We used "${selector}" as the selector (the part before "._domainkey").`,
        });
      }
      plan.dkim.selector = selector;
    }
    if (plan.dkim.cname !== undefined) {
      const target = plan.dkim.cname.trim().toLowerCase().replace(/\.$/, '');
      if (!isCnameTarget(target)) {
        errors.push({
          field: 'dkim.cname',
          message: `"${plan.dkim.cname}" is not a host name. Give the CNAME target your mail service shows, for example "s1.domainkey.u123.wl.sendgrid.net".`,
        });
      } else if (target === `${plan.dkim.selector}._domainkey.${plan.domain}`.toLowerCase()) {
        errors.push({
          field: 'dkim.cname',
          message: 'points at itself. Give the name your mail service shows as the CNAME target.',
        });
      } else {
        plan.dkim.cname = target;
      }
    }
    if (plan.dkim.publicKey !== undefined) {
      const key = plan.dkim.publicKey.replace(/\s+/g, '').replace(/^p=/, '');
      const bytes = decodeBase64(key);
      const info = bytes
        ? describePublicKey(bytes, plan.dkim.keyType ?? (bytes.length === 32 ? 'ed25519' : 'rsa'))
        : null;
      if (!bytes) {
        errors.push({
          field: 'dkim.publicKey',
          message: 'is not base64 text. Give the key as it appears after "p=" in the DKIM record.',
        });
      } else if (!info?.ok) {
        errors.push({ field: 'dkim.publicKey', message: info?.message ?? 'is not a public key.' });
      } else {
        plan.dkim.publicKey = key;
        if (plan.dkim.keyType && plan.dkim.keyType !== info.type) {
          errors.push({
            field: 'dkim.keyType',
            message: `says "${plan.dkim.keyType}" but the key is ${info.type === 'rsa' ? 'an RSA' : 'an Ed25519'} key.`,
          });
        }
        plan.dkim.keyType = info.type;
        if (info.type === 'rsa' && info.bits < 1024) {
          errors.push({
            field: 'dkim.publicKey',
            message: `is a ${info.bits}-bit key; receivers reject keys under 1024 bits. Make a 2048-bit key.`,
          });
        } else if (info.type === 'rsa' && info.bits < 2048) {
          warnings.push({
            field: 'dkim.publicKey',
            message: `is a ${info.bits}-bit key; 2048 bits is today's standard.`,
          });
        }
      }
    }
    plan.dkim.additional?.forEach((extra, i) => {
      const field = `dkim.additional[${i}]`;
      const selector = extra.selector.trim().toLowerCase();
      if (!SELECTOR.test(selector)) {
        errors.push({
          field: `${field}.selector`,
          message: `"${extra.selector}" is not a valid selector. Use letters, digits and hyphens.`,
        });
      } else if (selector === plan.dkim?.selector) {
        // One name holds one key record: two keys under one selector make receivers pick at random.
        errors.push({
          field: `${field}.selector`,
          message: `"${selector}" is the selector of the main key already: each key needs its own selector.`,
        });
      } else {
        extra.selector = selector;
      }
      const key = extra.publicKey.replace(/\s+/g, '').replace(/^p=/, '');
      const bytes = decodeBase64(key);
      const info = bytes ? describePublicKey(bytes, extra.keyType) : null;
      if (!info?.ok) {
        errors.push({
          field: `${field}.publicKey`,
          message: info?.message ?? 'is not base64 text. Give the key as it appears after "p=".',
        });
      } else if (info.type !== extra.keyType) {
        errors.push({
          field: `${field}.keyType`,
          message: `says "${extra.keyType}" but the key is ${info.type === 'rsa' ? 'an RSA' : 'an Ed25519'} key.`,
        });
      } else {
        extra.publicKey = key;
      }
    });
  }

  // DMARC
  if (plan.dmarc) {
    for (const tag of ['rua', 'ruf'] as const) {
      const value = plan.dmarc[tag];
      if (value === undefined) continue;
      const uris: string[] = [];
      for (const part of value.split(',')) {
        const r = reportUri(part);
        if ('error' in r) errors.push({ field: `dmarc.${tag}`, message: r.error });
        else {
          uris.push(r.uri);
          if (r.note) warnings.push({ field: `dmarc.${tag}`, message: r.note });
        }
      }
      plan.dmarc[tag] = uris.join(',');
    }
  }

  // Catalogue ids: unknown ones are kept (a newer app may know them) but said.
  if (plan.mailSoftware !== undefined && !findMailSoftware(plan.mailSoftware)) {
    warnings.push({
      field: 'mailSoftware',
      message: `"${plan.mailSoftware}" is not mail software we know; we use general advice.`,
    });
  }
  if (plan.dnsHost !== undefined && !(DNS_HOST_IDS as readonly string[]).includes(plan.dnsHost)) {
    warnings.push({
      field: 'dnsHost',
      message: `"${plan.dnsHost}" is not a DNS host we know; we use general instructions.`,
    });
  }
  if (plan.vpsHost !== undefined && !(VPS_HOST_IDS as readonly string[]).includes(plan.vpsHost)) {
    warnings.push({
      field: 'vpsHost',
      message: `"${plan.vpsHost}" is not a VPS host we know; we use general instructions.`,
    });
  }

  return errors.length > 0 ? fail() : { ok: true, plan, warnings };
}
