import { createWireTransport } from './wire-transport';
import type { parseServerAddress } from './server-address';
import type { RunContext } from './run-transport';
import type { DnsResultView, DnsTransport, SentQuery } from './types';

/** What every view of one run is built with: one cache, one limit, one timeout, one policy. */
export interface ViewSetup {
  timeoutMs: number;
  /** Port used when asking authoritative servers directly. */
  nsPort: number;
  loopbackOnly: boolean;
  run: RunContext;
  onSend?: (sent: SentQuery) => void;
  /** A plain DNS client for one server, asking for recursion or not. */
  wire(address: ReturnType<typeof parseServerAddress>, recursionDesired: boolean): DnsTransport;
}

/** A transport seen as a view: what the findings call it and which kind of answer it gives. */
export function view(
  transport: DnsTransport,
  id: string,
  kind: DnsResultView['kind'],
  label: string,
): DnsResultView {
  return { id, kind, label, query: (name, type, signal) => transport.query(name, type, signal) };
}

/** The setup of one run's views (the caller's defaults already applied). */
export function viewSetup(base: Omit<ViewSetup, 'wire'>): ViewSetup {
  const { timeoutMs, onSend } = base;
  return {
    ...base,
    wire: (address, recursionDesired) =>
      createWireTransport({
        server: address,
        timeoutMs,
        recursionDesired,
        ...(onSend && { onSend }),
      }),
  };
}
