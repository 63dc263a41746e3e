import type { SmtpServerObservation } from '../../shared/checks/smtp-observation';

/**
 * The SMTP group's conversations, handed to the secure-delivery group of the same run: DANE
 * compares TLSA records with the key the SMTP probe saw, CAA with the issuer. The SMTP group
 * reports each conversation and says when it is done (also when it failed); the secure group
 * waits for that, or for the run's cancel.
 */
export class SmtpSightings {
  private readonly servers: SmtpServerObservation[] = [];
  private finished = false;
  private readonly waiters: (() => void)[] = [];

  /** One conversation (called by the SMTP group). */
  add(server: SmtpServerObservation): void {
    this.servers.push(server);
  }

  /** The SMTP group is done. */
  finish(): void {
    this.finished = true;
    for (const w of this.waiters.splice(0)) w();
  }

  /** The conversations once the SMTP group is done (what there is, if the run is cancelled first). */
  async wait(signal: AbortSignal): Promise<SmtpServerObservation[]> {
    if (!this.finished && !signal.aborted)
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        signal.addEventListener('abort', () => resolve(), { once: true });
      });
    return [...this.servers];
  }
}
