import type { DnsHostId } from './dns-hosts';
import { documented, reported, unknownFact, type Fact } from './provider-fact';

/**
 * What a DNS host's "add record" form calls its boxes, so a record card can say "In Namecheap's
 * form: Host = _dmarc, TTL = Automatic" in the form's own words. Each with its source and the
 * day it was read; hosts whose labels we could not source keep the generic words.
 */

/** The labels of one host's record form. */
export interface FormLabels {
  /** The label of the name box: "Name", "Host". */
  name: string;
  /**
   * The TTL choice that means "the host's default", when the form offers one ("Automatic",
   * "Auto"): a valid answer, so the card offers it instead of a number of seconds.
   */
  ttlAuto?: string;
}

// Sources read on this day: the research notes (docs/research/providers.md, table B) and stored
// copies of public pages found through the reference search.
const READ = { checked: '2026-12-07', note: 'read from a stored copy of the page' };

const LABELS: Partial<Record<DnsHostId, Fact<FormLabels>>> = {
  cloudflare: documented(
    { name: 'Name', ttlAuto: 'Auto' },
    'developers.cloudflare.com/dns (record Name); Cloudflare API schema dns-records_ttl: "Setting to 1 means \'automatic\'"',
    READ,
  ),
  namecheap: reported(
    { name: 'Host', ttlAuto: 'Automatic' },
    'Namecheap knowledge base via docs/research/providers.md ("Host: @ = domain"); the TTL list with "Automatic" as seen in Namecheap\'s Advanced DNS form (Mailwright issue #15, a session\'s walk-through)',
    READ,
  ),
  godaddy: documented(
    { name: 'Name' },
    'GoDaddy help "Add a TXT record" via docs/research/providers.md ("Name: prefix without domain, @ for root")',
    READ,
  ),
  squarespace: documented(
    { name: 'Host' },
    'support.squarespace.com "Add custom DNS records" via docs/research/providers.md ("Host field relative")',
    READ,
  ),
};

const GENERIC = unknownFact(
  "Our research did not find this host's own words for the record form's boxes.",
);

/** The host's labels for its record form, or an unknown fact (then: "Name", TTL in seconds). */
export function formLabels(hostId: string): Fact<FormLabels> {
  return LABELS[hostId as DnsHostId] ?? GENERIC;
}
