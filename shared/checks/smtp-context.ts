import type { ControlObservation } from './smtp-observation';
import type { GateFixContext, SmtpGate } from './smtp-gate';

/** What every SMTP judgement of one address gets beside its observation. */
export interface SmtpAddressContext {
  /**
   * What the findings are about: the address probed, or the planned address (or mail host) that
   * a conversation through --smtp-address stands for. PTR names are this subject's.
   */
  subject: string;
  /** "127.0.0.1:2525" when the conversation went through --smtp-address instead of `subject`. */
  through?: string;
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
