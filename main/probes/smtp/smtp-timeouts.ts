/** Time limits of one SMTP conversation, in milliseconds. */
export interface SmtpTimeouts {
  /** Opening the TCP connection. */
  connectMs: number;
  /**
   * Waiting for the greeting. Generous: some servers wait on purpose before greeting (Postfix's
   * postscreen, greet-pause), and RFC 5321 lets senders wait 5 minutes.
   */
  greetingMs: number;
  /** Each reply to a command (EHLO, STARTTLS, QUIT). */
  commandMs: number;
  /** The TLS handshake. */
  tlsMs: number;
}

/** The default greeting patience: about 30 seconds, as the issue asks. */
export const DEFAULT_GREETING_MS = 30_000;

/**
 * The time limits for a run whose per-operation limit is `timeoutMs` (the CLI's --timeout). The
 * greeting keeps at least its own default, since a slow greeting is normal for some servers.
 */
export function smtpTimeouts(timeoutMs: number, greetingMs?: number): SmtpTimeouts {
  return {
    connectMs: timeoutMs,
    greetingMs: greetingMs ?? Math.max(DEFAULT_GREETING_MS, timeoutMs),
    commandMs: timeoutMs,
    tlsMs: timeoutMs,
  };
}
