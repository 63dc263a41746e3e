import type { DnsHost } from '../../../shared/providers/dns-hosts';
import { isKnown } from '../../../shared/providers/provider-fact';
import type { PlannedRecord } from '../../../shared/records/planned-record';
import { renderZone } from '../../../shared/records/zone-render';
import { downloadText } from '../app/download';
import { Term } from '../components/Term';

/** "Download zone file", with whether the user's DNS host can import one. */
export function ZoneBar({
  records,
  domain,
  zone,
  host,
}: {
  records: readonly PlannedRecord[];
  domain: string;
  /** The zone the names are relative to (the parent's for a subdomain plan). */
  zone: string;
  host: DnsHost;
}) {
  const importRule = host.zoneImport;
  return (
    <div className="zone-bar row">
      <button
        type="button"
        className="secondary"
        onClick={() => downloadText(`${domain}.zone`, renderZone([...records], zone))}
      >
        Download zone file
      </button>
      <span className="hint">
        A <Term id="zonefile">zone file</Term> holds all these records at once.{' '}
        {isKnown(importRule)
          ? importRule.value.supported
            ? `${host.name} can import it: ${importRule.value.how ?? ''}`
            : `${host.name} does not import zone files; type the records below.`
          : 'Use it if your DNS host imports zone files, or keep it as a record of your setup.'}
      </span>
    </div>
  );
}
