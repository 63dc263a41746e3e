import type { Finding } from '../checks/finding';
import { documented, type KnownFact } from '../providers/provider-fact';
import { worstStatus, type ShownStatus } from './status-words';

/**
 * The Gmail/Yahoo-ready checklist: the sender requirements Gmail and Yahoo publish, each with
 * its status from the last check and the last test message, and what fixes it. One computation
 * for the Summary and the PDF.
 */

/** Who a requirement applies to, in the providers' own terms. */
export type Applies = 'all' | 'bulk';

/** One published requirement. */
export interface SenderRequirement {
  id: string;
  /** The requirement in plain words. */
  title: string;
  applies: Applies;
  /** Check ids of `mailwright check` that show it. */
  checks: readonly string[];
  /** Check ids of the test message that show it. */
  messageChecks: readonly string[];
  /** Said when no check can show it (the spam rate). */
  measuredElsewhere?: string;
}

const READ = '2026-12-07';
const GMAIL = 'https://support.google.com/a/answer/81126';
const GMAIL_FAQ = 'https://support.google.com/a/answer/14229414';
const YAHOO = 'https://senders.yahooinc.com/best-practices/';

/** The requirements, with where they are written (Gmail's and Yahoo's sender guidelines). */
export const SENDER_REQUIREMENTS: readonly KnownFact<SenderRequirement>[] = [
  documented(
    {
      id: 'spf-dkim',
      title: 'SPF and DKIM: SPF or DKIM for everyone, both for bulk senders',
      applies: 'all',
      checks: ['spf.present', 'spf.authorizes', 'dkim.present', 'dkim.matches'],
      messageChecks: ['message.spf', 'message.dkim'],
    },
    GMAIL,
    {
      checked: READ,
      note: 'Gmail: "Email sender guidelines"; Yahoo: "Sender Best Practices". Bulk: about 5,000 messages a day to Gmail.',
    },
  ),
  documented(
    {
      id: 'dmarc',
      title: 'A DMARC record, p=none at least',
      applies: 'bulk',
      checks: ['dmarc.present', 'dmarc.syntax', 'dmarc.policy'],
      messageChecks: ['message.dmarc'],
    },
    GMAIL,
    { checked: READ },
  ),
  documented(
    {
      id: 'alignment',
      title: 'The From domain aligns with SPF or DKIM (DMARC passes)',
      applies: 'bulk',
      checks: [],
      messageChecks: ['message.dmarc'],
    },
    GMAIL,
    { checked: READ },
  ),
  documented(
    {
      id: 'rdns',
      title: 'Forward and reverse DNS: the sending address has a PTR name that leads back to it',
      applies: 'all',
      checks: ['ptr.present', 'ptr.fcrdns'],
      messageChecks: ['message.transport'],
    },
    GMAIL,
    { checked: READ },
  ),
  documented(
    {
      id: 'tls',
      title: 'Mail travels over TLS',
      applies: 'all',
      checks: ['smtp.starttls'],
      messageChecks: ['message.transport'],
    },
    GMAIL,
    { checked: READ },
  ),
  documented(
    {
      id: 'unsubscribe',
      title:
        'One-click unsubscribe (RFC 8058) in marketing mail, and well-formed messages (RFC 5322)',
      applies: 'bulk',
      checks: [],
      messageChecks: ['message.bulk'],
    },
    YAHOO,
    { checked: READ, note: 'Required of bulk senders by Gmail and Yahoo since February 2024.' },
  ),
  documented(
    {
      id: 'spam-rate',
      title: 'Spam complaints below 0.3% (best under 0.1%)',
      applies: 'all',
      checks: [],
      messageChecks: [],
      measuredElsewhere:
        'Only the providers can measure it: see Google Postmaster Tools (postmaster.google.com) and Yahoo Sender Hub (senders.yahooinc.com).',
    },
    GMAIL_FAQ,
    { checked: READ },
  ),
];

/** One row of the checklist, as the Summary and the PDF show it. */
export interface ReadinessRow {
  requirement: KnownFact<SenderRequirement>;
  /** From the last check of the DNS and server; not-checked without one or without a check for it. */
  dnsStatus: ShownStatus;
  /** From the last test message. */
  messageStatus: ShownStatus;
  /** The fix of the most urgent finding behind the row, if any. */
  fix?: string;
}

function statusOf(
  findings: readonly Finding[] | null,
  ids: readonly string[],
): { status: ShownStatus; fix?: string } {
  if (!findings || ids.length === 0) return { status: 'not-checked' };
  const mine = findings.filter((f) => ids.includes(f.check));
  const status = worstStatus(mine.map((f) => f.status)) ?? 'not-checked';
  // The Summary and the PDF read this: the fix in words where the checker's gives commands.
  const worst = mine.find((f) => f.status === status && f.fix);
  const fix = worst?.ownerFix ?? worst?.fix;
  return fix ? { status, fix } : { status };
}

/** The Gmail/Yahoo-ready rows from the last check's and the last test message's findings. */
export function senderReadiness(
  lastRun: readonly Finding[] | null,
  lastMessage: readonly Finding[] | null,
): ReadinessRow[] {
  return SENDER_REQUIREMENTS.map((requirement) => {
    const r = requirement.value;
    const dns = statusOf(lastRun, r.checks);
    const msg = statusOf(lastMessage, r.messageChecks);
    // The message's fix comes first: it is the more direct proof.
    const fix =
      msg.status === 'fail' ? msg.fix : dns.status === 'fail' ? dns.fix : (msg.fix ?? dns.fix);
    return {
      requirement,
      dnsStatus: r.measuredElsewhere ? 'info' : dns.status,
      messageStatus: r.measuredElsewhere ? 'info' : msg.status,
      ...(fix ? { fix } : r.measuredElsewhere ? { fix: r.measuredElsewhere } : {}),
    };
  });
}
