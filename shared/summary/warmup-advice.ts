/**
 * Advice for a new dedicated sending IP, in Mailwright's words. Drawn from the product's source
 * notes on dedicated IPs (seeds 000: "gradually increase volume over 4-8 weeks", steady
 * volumes, monitoring block lists and DMARC reports).
 */

/** The heading of the warm-up advice. */
export const WARMUP_TITLE = 'Warming up a new server address';

/** Short paragraphs, in the order to follow them. */
export const WARMUP_ADVICE: readonly string[] = [
  'Mail providers do not trust an address they have never seen. A new server address earns trust by sending a little good mail first, then more.',
  'Start small: in the first days, send only to people who know you and open your mail. Raise the daily volume step by step over 4 to 8 weeks.',
  'Keep a steady rhythm. Sudden spikes, or long silences followed by a big send, look like spam to receivers.',
  'Send only to people who asked for your mail. Remove addresses that bounce and people who never open anything.',
  'If you send both newsletters and important messages (receipts, password resets), consider separate addresses or servers so one cannot harm the other.',
  'Watch your reputation: re-run the Mailwright check to see the block lists, and read the DMARC reports that arrive at your report address.',
];
