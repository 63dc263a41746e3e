import { getVpsHost, port25PolicyOf } from '../providers/vps-hosts';

/**
 * Where outgoing port 25 of the server is blocked and what to do, from the providers catalogue:
 * "<host>: it blocks outgoing port 25 until you ask...". Meant to follow "the block is at".
 */
export function port25BlockAdvice(vpsHost: string | undefined): string {
  const host = getVpsHost(vpsHost);
  const name = host.id === 'other' ? 'your VPS host' : host.name;
  switch (port25PolicyOf(host)) {
    case 'blocked-unblock-on-request':
      return `${name}: it blocks outgoing port 25 until you ask it to open it, and until then the server cannot send mail either. Mailwright's setup summary has a ready request text.`;
    case 'blocked-no-exceptions':
      return `${name}: it does not open outgoing port 25, so the server cannot send mail directly; send through a relay on port 587 instead (see the setup summary).`;
    default:
      return `${name} or the server's own firewall: the server cannot send mail while port 25 is blocked. Ask ${name} whether they block it, and check the firewall's outgoing rules.`;
  }
}

/**
 * For someone who already runs the check on the server and still sees "port 25 blocked": then the
 * VPS host blocks outgoing port 25, and the server cannot send mail either.
 */
export function blockedOnServerNote(vpsHost: string | undefined): string {
  return `If you see this when running the check on the server itself, the block is at ${port25BlockAdvice(vpsHost)}`;
}
