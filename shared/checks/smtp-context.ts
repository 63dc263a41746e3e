import type { ControlObservation } from './smtp-observation';
import type { GateFixContext, SmtpGate } from './smtp-gate';

/** What every SMTP judgement of one address gets beside its observation. */
export interface SmtpAddressContext {
  /** The planned mail host, lowercase, no trailing dot. */
  mailHost: string;
  /** When the probes ran (ISO): certificate dates count from it. */
  observedAt: string;
  control: ControlObservation;
  /** Decided once per address (smtpGate). */
  gate: SmtpGate;
  /** For "run it on the server" fixes. */
  fix: GateFixContext;
  /** PTR names of the address, when the DNS part found them. */
  ptrNames?: string[];
}
