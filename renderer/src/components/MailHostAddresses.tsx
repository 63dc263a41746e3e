import { useState } from 'react';
import type { CallResponse } from '../../../shared/api/contract';
import { api } from '../state/api-ref';

type Lookup =
  | { state: 'idle' }
  | { state: 'looking' }
  | { state: 'done'; result: CallResponse<'dns.addresses'> }
  | { state: 'failed'; message: string };

/**
 * "Does the mail host already resolve?" A lookup on request (it asks the internet) that offers
 * the addresses found, so a user whose A record exists need not copy them from a panel.
 */
export function MailHostAddresses({
  mailHost,
  onUse,
}: {
  mailHost: string;
  onUse: (found: { ipv4: string[]; ipv6: string[] }) => void;
}) {
  const [lookup, setLookup] = useState<Lookup>({ state: 'idle' });
  const look = async () => {
    setLookup({ state: 'looking' });
    const r = await api().call('dns.addresses', { name: mailHost });
    setLookup(
      r.ok ? { state: 'done', result: r.value } : { state: 'failed', message: r.error.message },
    );
  };
  const found = lookup.state === 'done' ? [...lookup.result.ipv4, ...lookup.result.ipv6] : [];
  return (
    <div className="row lookup-row">
      <button
        type="button"
        className="secondary small"
        onClick={() => void look()}
        disabled={lookup.state === 'looking'}
      >
        Look up {mailHost}
      </button>
      <span role="status" aria-live="polite" className="hint">
        {lookup.state === 'looking'
          ? `Looking up ${mailHost}…`
          : lookup.state === 'failed'
            ? `The lookup failed: ${lookup.message}`
            : lookup.state === 'done'
              ? (lookup.result.problem ?? `${mailHost} points to ${found.join(', ')} today.`)
              : 'Already set up? We can read the address your mail host has now.'}
      </span>
      {lookup.state === 'done' && found.length > 0 ? (
        <button
          type="button"
          className="small"
          onClick={() => onUse({ ipv4: lookup.result.ipv4, ipv6: lookup.result.ipv6 })}
        >
          Use {found.join(', ')}
        </button>
      ) : null}
    </div>
  );
}
