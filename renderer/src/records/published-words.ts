import type { PublishedRecords } from '../../../shared/model/project';
import { describeReceivers } from '../../../shared/providers/mail-receivers';

/**
 * Plain sentences about what a domain publishes today; nothing about a list that could not be
 * read. `domain` is the name as the user reads it (Unicode).
 */
export function publishedSentences(
  p: PublishedRecords,
  domain: string,
  onRecords: boolean,
): string[] {
  const cards = onRecords ? 'card below' : 'card on the Records step';
  const unread = new Set(p.unread ?? []);
  const out: string[] = [];
  if (!unread.has('mx'))
    out.push(
      p.mx.length === 0
        ? `${domain} has no MX record: no mail is received for it today.`
        : `Your mail for ${domain} is received today by ${describeReceivers(p.mx.map((m) => m.exchange))}.`,
    );
  if (!unread.has('spf'))
    out.push(
      p.spf.length === 0
        ? 'It has no SPF record yet.'
        : p.spf.length === 1
          ? `It has an SPF record (${p.spf[0]}): the SPF ${cards} adds your server to it.`
          : `It has ${p.spf.length} SPF records. Receivers treat that as an error; the SPF ${cards} merges them into one.`,
    );
  if (!unread.has('dmarc'))
    out.push(
      p.dmarc.length === 0
        ? p.dmarcInherited
          ? `It has no DMARC record of its own; receivers use the one at _dmarc.${p.dmarcInherited.at}.`
          : 'It has no DMARC record yet.'
        : `It has a DMARC record (${p.dmarc[0]}): the DMARC ${cards} says whether to keep it.`,
    );
  return out;
}
