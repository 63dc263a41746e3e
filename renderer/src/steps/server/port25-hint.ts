import { getVpsHost, port25PolicyOf } from '../../../../shared/providers/vps-hosts';

/** What the chosen VPS host does with outgoing port 25, in one sentence. */
export function port25Hint(id: string): string | null {
  if (!id) return null;
  const host = getVpsHost(id);
  switch (port25PolicyOf(host)) {
    case 'blocked-unblock-on-request':
      return `${host.name} blocks outgoing mail (port 25) until you ask to open it: the Reverse DNS step has the request, ready to send.`;
    case 'blocked-no-exceptions':
      return `${host.name} blocks outgoing port 25 and does not open it: the Reverse DNS step explains how to send through a relay instead.`;
    case 'reactive':
      return `${host.name} leaves port 25 open, but blocks an address that sends spam.`;
    case 'open':
      return `${host.name} does not block outgoing port 25.`;
    default:
      return `We do not know whether ${host.name === 'Another VPS host' ? 'your host' : host.name} blocks port 25; the Reverse DNS step tells you how to find out.`;
  }
}
