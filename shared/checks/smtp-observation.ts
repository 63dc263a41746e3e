import type { CertificateHashes } from './secure-observation';

/**
 * What the SMTP probes saw: plain data, no judgement. The probe fills these in main/; the pure
 * judgements in smtp-*.ts read them. Times are milliseconds; dates are ISO strings.
 */

/**
 * Why a network step ended without its answer. Kept coarse on purpose: each kind gets its own
 * plain explanation, and the raw code stays in `code` for the evidence.
 */
export type SmtpErrorKind =
  | 'timeout' // nothing came back in time
  | 'refused' // the address answered "nothing listens here" (ECONNREFUSED)
  | 'reset' // the other side broke the connection off (ECONNRESET, EPIPE)
  | 'closed' // the other side closed the connection cleanly, mid-conversation
  | 'no-route' // this computer has no way to that address (ENETUNREACH, EHOSTUNREACH, EADDRNOTAVAIL)
  | 'dns' // a host name (the control MX) could not be looked up
  | 'tls' // the TLS handshake failed
  | 'protocol' // the server said something that is not SMTP
  | 'aborted' // the run was cancelled
  | 'error'; // anything else

/** A step that ended without its answer. */
export interface SmtpError {
  kind: SmtpErrorKind;
  /** The system's words, e.g. "connect ECONNREFUSED 192.0.2.25:25". */
  message: string;
  /** The system's code, e.g. "ECONNREFUSED", "ERR_SSL_WRONG_VERSION_NUMBER". */
  code?: string;
}

/** One SMTP reply, possibly multi-line. */
export interface SmtpReply {
  /** The three-digit code, e.g. 220. */
  code: number;
  /** The text of each line, without the code and its separator. */
  lines: string[];
}

/** The certificate a server showed, as read after the handshake. */
export interface CertificateObservation {
  /** Subject common name, when there is one. */
  subjectCn?: string;
  /** Subject as one line, e.g. "CN=mail.example.com". */
  subject: string;
  /** DNS names of the subjectAltName extension. */
  dnsNames: string[];
  /** IP addresses of the subjectAltName extension. */
  ipAddresses: string[];
  /** Issuer as one line, e.g. "C=US, O=Let's Encrypt, CN=R11". */
  issuer: string;
  /** Issuer common name or organisation, for short texts. */
  issuerName?: string;
  validFrom: string;
  validTo: string;
  /** Issued by itself (subject and issuer are the same and it verifies its own signature). */
  selfSigned: boolean;
  /** SHA-256 fingerprint, colon-separated hex. */
  fingerprint256: string;
  /** Subjects of the chain the server sent, leaf first. */
  chain: string[];
  /** Whether the certificate names the host asked for (checked by the TLS library's rules). */
  coversHost: { host: string; ok: boolean; reason?: string };
  /** Chain verification against this computer's trusted roots (plus any extra CA given). */
  verification: { trusted: boolean; code?: string };
  /** Issuer organisation (O=), to tell which CA issued it (caa.mail-host). */
  issuerOrg?: string;
  /** Hashes of each certificate of the chain as sent and of its public key, leaf first (dane.tlsa). */
  hashes?: CertificateHashes[];
}

/** The TLS part of a conversation. */
export interface TlsObservation {
  /** false when the handshake failed; `error` says how. */
  ok: boolean;
  /** e.g. "TLSv1.3". */
  protocol?: string;
  /** e.g. "TLS_AES_256_GCM_SHA384". */
  cipher?: string;
  /** The name sent as SNI (the mail host). */
  servername: string;
  elapsedMs: number;
  certificate?: CertificateObservation;
  error?: SmtpError;
}

/** One command sent and what came back. */
export interface SmtpExchange {
  /** The command as sent, e.g. "EHLO [192.0.2.1]". */
  command: string;
  reply?: SmtpReply;
  elapsedMs: number;
  error?: SmtpError;
}

/** The EHLO exchange, with the extensions it announced. */
export interface EhloExchange extends SmtpExchange {
  /** Extension keywords in upper case with their parameters, e.g. ["PIPELINING", "SIZE 10240000", "STARTTLS"]. */
  extensions: string[];
}

/** One conversation with one address of the mail host (smtp.reachable ... smtp.certificate). */
export interface SmtpServerObservation {
  address: string;
  family: 4 | 6;
  port: number;
  /** The mail host name the probe expected (used for SNI and the certificate). */
  mailHost: string;
  /** TLS from the first byte (port 465) instead of STARTTLS. */
  implicitTls: boolean;
  startedAt: string;
  durationMs: number;
  connect: {
    ok: boolean;
    elapsedMs: number;
    timeoutMs: number;
    error?: SmtpError;
    /**
     * Our end of the connection had the server's own address: the check runs on the mail server
     * itself, where reaching its own port 25 says nothing about reaching other servers.
     */
    fromSameMachine?: boolean;
  };
  /** Absent when the connection failed. */
  greeting?: { reply?: SmtpReply; elapsedMs: number; timeoutMs: number; error?: SmtpError };
  /** Absent when there was no 220 greeting. */
  ehlo?: EhloExchange;
  /** Absent when EHLO failed or STARTTLS was not offered. */
  starttls?: SmtpExchange;
  /** Absent when no handshake was tried. */
  tls?: TlsObservation;
  /** EHLO again inside TLS; absent when TLS did not start. */
  ehloAfterTls?: EhloExchange;
  quit?: SmtpExchange;
  /** Bytes the server sent after "220 Ready to start TLS" and before the handshake (should be 0). */
  bytesBeforeTls?: number;
}

/** The connection to a well-known public MX that tells whether this network lets port 25 out. */
export type ControlObservation =
  | { status: 'skipped' }
  | {
      status: 'ok' | 'failed';
      /** "HOST:PORT" as configured. */
      target: string;
      /** The address actually tried, when the name resolved. */
      address?: string;
      elapsedMs: number;
      /** Its greeting code, when it greeted in time (not required for ok). */
      greetingCode?: number;
      error?: SmtpError;
    };

/** What kind of conversation a mail-app port speaks. */
export type SubmissionProtocol = 'smtp-starttls' | 'smtp-tls' | 'imap-tls' | 'pop3-tls';

/** One mail-app port (587, 465, 993, 995) of one address. */
export interface SubmissionPortObservation {
  /** The well-known port this stands for (587, 465, 993, 995), even when tests map it elsewhere. */
  service: 587 | 465 | 993 | 995;
  /** The port actually tried. */
  port: number;
  protocol: SubmissionProtocol;
  connect: { ok: boolean; elapsedMs: number; error?: SmtpError };
  /** The first line the service said, e.g. "220 mail.example.com ESMTP" or "* OK IMAP ready". */
  greeting?: string;
  tls?: TlsObservation;
  error?: SmtpError;
}

/** Everything probed for one address. */
export interface SmtpAddressObservation {
  server: SmtpServerObservation;
  /** Omitted when the submission ports were not probed. */
  submission?: SubmissionPortObservation[];
  /** PTR names of the address, when the DNS part found them ("sending domain and PTR must match"). */
  ptrNames?: string[];
  /**
   * Set when the conversation went to another address (--smtp-address, `server.address` and
   * `server.port`) instead: the planned address, or the mail host when it has none, that the
   * findings are about. `ptrNames` are this address's.
   */
  standsFor?: string;
}
