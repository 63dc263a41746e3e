import { createWireTransport } from '../../main/dns/wire-transport';

/**
 * Wait until a DNS server on `host` (default 127.0.0.1):`port` answers a TCP SOA query for `zone` (any response
 * code counts). TCP, because a UDP probe sent before the socket is bound waits out its timeout.
 */
export async function waitForDns(
  port: number,
  zone: string,
  options: { host?: string; timeoutMs?: number; isDead?: () => boolean; logs?: () => string } = {},
): Promise<void> {
  const until = Date.now() + (options.timeoutMs ?? 10_000);
  const probe = createWireTransport({
    server: `${options.host ?? '127.0.0.1'}:${port}`,
    timeoutMs: 500,
    tcpOnly: true,
    recursionDesired: false,
  });
  for (;;) {
    const answer = await probe.query(zone, 'SOA');
    if (answer.outcome !== 'error' && answer.outcome !== 'timeout') return;
    if (options.isDead?.()) {
      throw new Error(`DNS peer on port ${port} exited:\n${options.logs?.() ?? ''}`);
    }
    if (Date.now() > until) {
      throw new Error(
        `DNS peer on port ${port} not ready: ${answer.error ?? ''}\n${options.logs?.() ?? ''}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
