import { useEffect, useRef, useState } from 'react';
import type { CallResponse } from '../../../shared/api/contract';
import { api } from '../state/api-ref';

type Lookup =
  | { state: 'idle' }
  | { state: 'looking' }
  | { state: 'done'; result: CallResponse<'dns.addresses'> }
  | { state: 'failed'; message: string };

/**
 * "Does the mail host already resolve?" A lookup that offers the addresses found, so a user
 * whose A record exists need not copy them from a panel. With `auto` it looks as soon as the
 * step opens (the Server step does when no address is typed yet); otherwise on request.
 */
export function MailHostAddresses({
  mailHost,
  onUse,
  auto = false,
  entered = [],
}: {
  mailHost: string;
  onUse: (found: { ipv4: string[]; ipv6: string[] }) => void;
  auto?: boolean;
  /** The addresses typed so far: when the lookup finds exactly these, there is nothing to use. */
  entered?: string[];
}) {
  const [lookup, setLookup] = useState<Lookup>({ state: 'idle' });
  // Whether to look by itself is decided when the step opens, not on every keystroke after.
  const autoOnOpen = useRef(auto);
  const look = async () => {
    setLookup({ state: 'looking' });
    const r = await api().call('dns.addresses', { name: mailHost });
    setLookup(
      r.ok ? { state: 'done', result: r.value } : { state: 'failed', message: r.error.message },
    );
  };
  useEffect(() => {
    if (autoOnOpen.current) void look();
  }, [mailHost]); // `look` is recreated on each render; the name is what matters.

  const found = lookup.state === 'done' ? [...lookup.result.ipv4, ...lookup.result.ipv6] : [];
  const same =
    found.length > 0 && found.length === entered.length && found.every((a) => entered.includes(a));
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
              ? (lookup.result.problem ??
                `${mailHost} points to ${found.join(', ')} today${same ? ', the address you entered' : ''}.`)
              : 'Already set up? We can read the address your mail host has now.'}
      </span>
      {lookup.state === 'done' && found.length > 0 && !same ? (
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
