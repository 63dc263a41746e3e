import { useState } from 'react';
import type { CallResponse } from '../../../../shared/api/contract';
import { Term } from '../../components/Term';
import { api } from '../../state/api-ref';

type Detection =
  | { state: 'idle' }
  | { state: 'looking' }
  | { state: 'done'; result: CallResponse<'dns.detectHost'> }
  | { state: 'failed'; message: string };

/** The look-up's outcome in one sentence for the status line (empty before it runs). */
function detectionWords(detection: Detection): string {
  switch (detection.state) {
    case 'looking':
      return 'Looking up your nameservers…';
    case 'failed':
      return `The lookup failed: ${detection.message}`;
    case 'done': {
      const { problem, detected, nameServers } = detection.result;
      return (
        problem ??
        (detected
          ? `Your nameservers (${nameServers.join(', ')}) belong to ${detected.name}.`
          : `Your nameservers are ${nameServers.join(', ')}; we do not recognise the company. Choose it below, or "Other".`)
      );
    }
    default:
      return '';
  }
}

/** "Find it from your nameservers": looks the domain's nameservers up and offers the host found. */
export function NameserverLookup({
  domain,
  chosen,
  choose,
}: {
  /** The domain in ASCII, or undefined while the Domain step has none. */
  domain: string | undefined;
  /** The DNS host chosen now (no offer to "use" the one already chosen). */
  chosen: string;
  choose: (dnsHost: string) => void;
}) {
  const [detection, setDetection] = useState<Detection>({ state: 'idle' });

  const detect = async () => {
    if (domain === undefined) return;
    setDetection({ state: 'looking' });
    const r = await api().call('dns.detectHost', { domain });
    setDetection(
      r.ok ? { state: 'done', result: r.value } : { state: 'failed', message: r.error.message },
    );
  };

  const found = detection.state === 'done' ? detection.result.detected : undefined;
  return (
    <div className="card">
      <h2 className="card-title">Find it from your nameservers</h2>
      <p className="hint">
        Your domain's <Term id="nameserver">nameservers</Term> show who hosts its DNS. This asks the
        internet, so it needs a connection.
      </p>
      <div className="row">
        <button
          type="button"
          className="secondary"
          onClick={() => void detect()}
          disabled={domain === undefined || detection.state === 'looking'}
        >
          Look up {domain ?? 'the domain'}
        </button>
        <span role="status" aria-live="polite" data-testid="detect-status">
          {detectionWords(detection)}
        </span>
      </div>
      {found && found.id !== chosen ? (
        <button type="button" onClick={() => choose(found.id)}>
          Use {found.name}
        </button>
      ) : null}
    </div>
  );
}
