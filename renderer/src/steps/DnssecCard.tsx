import { dnsHostSecurity } from '../../../shared/providers/dns-host-security';
import { isKnown, type Fact } from '../../../shared/providers/provider-fact';
import { SourceList } from '../components/SourceList';
import { Term } from '../components/Term';

function factWords(f: Fact<boolean>, what: string): string {
  if (!isKnown(f)) return `Not known whether your DNS host takes ${what} records.`;
  return f.value
    ? `Your DNS host takes ${what} records.`
    : `Your DNS host does not take ${what} records.`;
}

/** DNSSEC at the user's DNS host: whether it signs and where, the DS step, TLSA and CAA support. */
export function DnssecCard({ dnsHost }: { dnsHost: string }) {
  const facts = dnsHostSecurity(dnsHost, dnsHost || 'your DNS host');
  return (
    <section className="card" aria-labelledby="dnssec-title" data-testid="dnssec-card">
      <h2 id="dnssec-title" className="card-title">
        <Term id="dnssec">DNSSEC</Term> at your DNS host
      </h2>
      {isKnown(facts.dnssec) ? (
        <p>
          {facts.dnssec.value.signs
            ? `Your DNS host can sign your zone. Where: ${facts.dnssec.value.where ?? 'in its DNS settings'}.`
            : 'Your DNS host does not sign zones.'}
        </p>
      ) : (
        <p>Not known whether your DNS host signs zones: look for "DNSSEC" in its DNS settings.</p>
      )}
      <p>
        Switching it on takes two steps: the DNS host signs the zone, then you copy the{' '}
        <Term id="ds">DS record</Term> it shows to your registrar (the company where you bought the
        domain). Until the DS record is there, nothing is checked.
      </p>
      <p>
        {factWords(facts.tlsa, 'TLSA')} {factWords(facts.caa, 'CAA')}
      </p>
      <SourceList sources={[facts.dnssec, facts.tlsa, facts.caa]} />
    </section>
  );
}
