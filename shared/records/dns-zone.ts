import { organizationalDomain } from './dmarc-walk';

/**
 * The DNS zone a plan's records are typed into: names in a DNS host's form are relative to it,
 * not to the plan's domain. A plan for news.example.com usually lives in the zone example.com
 * (so its DMARC record is `_dmarc.news` in the form), unless news.example.com is delegated as a
 * zone of its own. Pure.
 */

function bare(name: string): string {
  return name.toLowerCase().replace(/\.$/, '');
}

/**
 * The zone holding `domain`: the one a look-up discovered (the owner of the SOA found walking up
 * from the domain) when it contains the domain, else the organizational domain by the public
 * suffix list, the zone nearly every subdomain lives in.
 */
export function zoneFor(domain: string, discovered?: string): string {
  const d = bare(domain);
  const z = discovered === undefined ? undefined : bare(discovered);
  if (z !== undefined && z !== '' && (d === z || d.endsWith(`.${z}`))) return z;
  return organizationalDomain(d);
}
