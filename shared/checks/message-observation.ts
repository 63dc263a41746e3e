/**
 * What Mailwright saw in a test message (the "Send yourself a test" step, `mailwright message`):
 * gathered in main/message/ from the text and from live DNS, judged by the pure evaluators in
 * message-*.ts. Plain data, so the judgements are tested without a network.
 */

/** How the text reached Mailwright: a file keeps every byte; a paste may have changed whitespace. */
export type MessageSource = 'file' | 'paste' | 'stdin';

/** What kind of text it is. */
export type MessageShape =
  | 'whole' // headers, an empty line, a body
  | 'headers-only' // headers and nothing after them
  | 'empty'
  | 'too-large'
  | 'binary' // NUL bytes or a known binary file (PDF, ZIP, image)
  | 'not-a-message'; // text, but no header block at the top

/** One DKIM signature and what became of it. */
export interface MessageDkimSignature {
  /** d= */
  domain: string;
  /** s= */
  selector: string;
  /** a= (rsa-sha256, ed25519-sha256, …). */
  algorithm: string;
  /** mailauth's result for it (RFC 8601 words). */
  result: 'pass' | 'fail' | 'neutral' | 'policy' | 'temperror' | 'permerror' | 'none';
  /** mailauth's reason, e.g. "body hash did not verify", "no key", "bad signature", "expired". */
  comment?: string;
  /** The body's hash equals bh=. */
  bodyHashMatches: boolean;
  /**
   * The signature over the headers, checked on its own with the published key: so a body changed
   * by pasting can be told from a broken signature. "unchecked" when no key could be read.
   */
  headerSignature: 'verifies' | 'fails' | 'unchecked';
  /** l= (the body length the signature covers), when used. */
  bodyLengthLimit?: number;
  /** Bytes of body after the l= limit, which nobody signed. */
  unsignedBodyBytes?: number;
  /** The key record's lookup: found, absent (NXDOMAIN / no TXT), or could not be made (reason). */
  key: { state: 'found' } | { state: 'absent' } | { state: 'lookup-failed'; reason: string };
  /** The published key is the plan's key for this selector (undefined: no plan key to compare). */
  keyIsPlanKey?: boolean;
  /** Header names the signature covers (h=), lower case. */
  signedHeaders: string[];
  /** The key record carries t=y (testing). */
  testing?: boolean;
}

/** SPF of the hop that handed the message to the provider. */
export interface MessageSpf {
  /** The connecting address. */
  ip: string;
  /** The HELO name it gave, when the Received line says. */
  helo?: string;
  /** The MAIL FROM address (Return-Path), '' for a bounce (<>). */
  mailFrom?: string;
  /** The domain SPF was evaluated for (MAIL FROM's, else the HELO name). */
  domain: string;
  /** Which identity was evaluated. */
  identity: 'mailfrom' | 'helo';
  result: 'pass' | 'fail' | 'softfail' | 'neutral' | 'none' | 'permerror' | 'temperror';
  /** mailauth's comment. */
  detail: string;
  /** The SPF record evaluated, when one was found. */
  record?: string;
}

/** One identifier's DMARC alignment. */
export interface DmarcAlignment {
  /** The aligned domain, or false. */
  aligned: string | false;
  /** Strict (exact) or relaxed (same organisational domain). */
  strict: boolean;
}

/** DMARC for the From domain. */
export interface MessageDmarc {
  result: 'pass' | 'fail' | 'none' | 'temperror' | 'permerror';
  /** The From domain (the "author domain"). */
  fromDomain: string;
  /** The policy that applied (after sp=/pct/t=), when a record was found. */
  policy?: string;
  /** p= of the record. */
  p?: string;
  /** Where the policy record was found (the domain or its organisational domain). */
  policyDomain?: string;
  alignment?: { spf: DmarcAlignment; dkim: DmarcAlignment };
  /** Why no result (a DNS failure, no From domain). */
  reason?: string;
}

/** What a receiving provider wrote in its Authentication-Results header. */
export interface ReceiverVerdict {
  /** The authserv-id (mx.google.com, mx.microsoft.com, …). */
  authservId: string;
  /** Gmail, Outlook.com, Yahoo, or undefined for another receiver. */
  provider?: 'gmail' | 'outlook' | 'yahoo';
  dkim?: string;
  /** header.d / header.i of its DKIM results. */
  dkimDomains: string[];
  spf?: string;
  dmarc?: string;
  arc?: string;
  /** compauth (Microsoft's composite result), when there. */
  compauth?: string;
}

/** The provider's own Received line for the hop from the sending server. */
export interface ProviderHop {
  /** The receiving host ("by"). */
  by: string;
  /** The sending address, when the line gives one. */
  ip?: string;
  /** The name the sender gave in HELO/EHLO. */
  helo?: string;
  /** Encrypted: "yes" (ESMTPS, TLS version named), "no" (plain ESMTP/SMTP), or not said. */
  tls: 'yes' | 'no' | 'unknown';
  /** The words that tell (e.g. "version=TLS1_3", "with ESMTPS"). */
  tlsWords?: string;
  /** The line as it was (unfolded). */
  line: string;
  /** The address's PTR names now; undefined when the look-up could not be made (ptrProblem). */
  ptr?: string[];
  ptrProblem?: string;
  /** The PTR name leads back to the address (forward-confirmed). */
  ptrConfirmed?: boolean;
}

/** Headers the bulk rules look at. */
export interface BulkHeaders {
  fromCount: number;
  messageIds: string[];
  dates: string[];
  listUnsubscribe?: string;
  listUnsubscribePost?: string;
  /** List-Id, Precedence: bulk/list, or a newsletter tool's header: the message looks like bulk. */
  bulkSigns: string[];
}

/** Everything gathered about one message. */
export interface MessageObservation {
  source: MessageSource;
  shape: MessageShape;
  /** Size in bytes. */
  bytes: number;
  /** The limit that was applied (bytes), for too-large. */
  limitBytes?: number;
  /** Header fields counted (up to the limit). */
  headerCount: number;
  /** Header fields past which reading stopped, if the message had more. */
  headerLimit?: number;
  /** What it looks like when it is not a message (e.g. "a PDF file"). */
  looksLike?: string;
  /** Line ends: "crlf", "lf" (a file saved on Linux/macOS or pasted), or "mixed". */
  lineEnds: 'crlf' | 'lf' | 'mixed' | 'none';
  /** The From header's address(es). */
  from: string[];
  /** Return-Path (the MAIL FROM address), when there. */
  returnPath?: string;
  subject?: string;
  dkim: MessageDkimSignature[];
  /** null when no connecting address could be found in the Received lines. */
  spf: MessageSpf | null;
  dmarc: MessageDmarc | null;
  /** ARC chain validation, when the message has ARC headers. */
  arc: { result: string; comment?: string; instances: number } | null;
  receiver: ReceiverVerdict[];
  hop: ProviderHop | null;
  bulk: BulkHeaders;
  /** When the DNS checks were made (ISO). */
  checkedAt: string;
  /** The message's Date, for "DNS may have changed since it was sent". */
  sentAt?: string;
}
