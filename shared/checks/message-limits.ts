/**
 * The limits of a test message, shared by the renderer (refuses a bigger file before reading it),
 * the contract (validates the request) and main (never reads past them).
 */
export const MESSAGE_LIMITS = {
  /** 25 MB: Gmail's own limit for a received message. */
  maxBytes: 25_000_000,
  /** Header fields read; a real message has well under 200. */
  maxHeaders: 1000,
} as const;
