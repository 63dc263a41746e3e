import type { ObservedOutcome } from './dns-observation';

/**
 * What the secure-delivery probes saw (MTA-STS, TLS-RPT, DNSSEC, DANE, CAA): plain data, no
 * judgement. main/secure/ fills it in; the pure judgements in shared/checks/secure-*.ts, mtasts-*,
 * dnssec-*, dane-*, caa-* read it. Every lookup here went through one validating resolver with
 * the DNSSEC OK bit, so each answer says whether the resolver authenticated it (the AD flag).
 */

/** An Extended DNS Error (RFC 8914) a resolver attached to its answer. */
export interface ObservedEde {
  code: number;
  text?: string;
}

/** One record in the form the secure checks read it. */
export type SecureRecord =
  | { type: 'TXT'; text: string }
  | { type: 'TLSA'; usage: number; selector: number; matchingType: number; data: string }
  | { type: 'CAA'; flags: number; tag: string; value: string }
  | { type: 'MX'; preference: number; exchange: string }
  | { type: 'A' | 'AAAA'; address: string };

/** One question asked of the validating resolver. */
export interface ValidatedLookup {
  name: string;
  type: 'TXT' | 'TLSA' | 'CAA' | 'MX' | 'A' | 'AAAA' | 'SOA' | 'DNSKEY' | 'DS';
  outcome: ObservedOutcome;
  /** The resolver set AD: it validated the answer with DNSSEC. */
  authenticated: boolean;
  records: SecureRecord[];
  /** Which resolver answered, e.g. "127.0.0.1:5301" or a DoH URL. */
  resolver: string;
  ede?: ObservedEde[];
  error?: string;
}

/**
 * The raw facts about one name's DNSSEC state, asked of a validating resolver: the question with
 * validation on and again with checking disabled (CD), and the zone's DNSKEY and DS.
 */
export interface DnssecObservation {
  /** The name judged (the domain or the mail host). */
  name: string;
  resolver: string;
  /** The zone the name lives in (owner of its SOA), when found. */
  zone?: string;
  /** SOA (or the name's own question) with validation on: AD, SERVFAIL, EDE. */
  validated?: {
    outcome: ObservedOutcome;
    authenticated: boolean;
    ede?: ObservedEde[];
    error?: string;
  };
  /**
   * The same with checking disabled: does the data exist at all, is it signed (RRSIG), and from
   * when to when its signatures are valid (ISO dates: latest inception, earliest expiration).
   */
  unchecked?: {
    outcome: ObservedOutcome;
    signed: boolean;
    validFrom?: string;
    validUntil?: string;
    error?: string;
  };
  /** When the probe asked (ISO), to hold the signatures' dates against. */
  askedAt?: string;
  /** DNSKEY at the zone apex (checking disabled): the algorithms of the keys. */
  dnskey?: { outcome: ObservedOutcome; algorithms: number[] };
  /** DS for the zone at its parent (checking disabled): the algorithms named. */
  ds?: { outcome: ObservedOutcome; algorithms: number[] };
  /** Why the probe could not run at all. */
  skipped?: string;
}

/** How fetching the MTA-STS policy went. */
export type PolicyFetch =
  | {
      ok: true;
      url: string;
      status: number;
      contentType?: string;
      body: string;
      bytes: number;
      elapsedMs: number;
    }
  | {
      ok: false;
      url: string;
      /** What went wrong, coarse on purpose: each kind gets its own explanation. */
      kind:
        | 'dns' // mta-sts.<domain> has no address
        | 'connect' // nothing answered on port 443
        | 'certificate' // the certificate is not valid for the name or not trusted
        | 'tls' // the TLS handshake failed otherwise
        | 'redirect' // a 3xx: RFC 8461 §3.3 forbids following it
        | 'status' // another non-200 status
        | 'too-large' // larger than the limit
        | 'timeout'
        | 'error';
      message: string;
      status?: number;
      location?: string;
      code?: string;
      elapsedMs: number;
    };

/** MTA-STS and TLS-RPT facts (mtasts.*, tlsrpt.record). */
export interface MtaStsObservation {
  /** TXT at _mta-sts.<domain>. */
  record: ValidatedLookup;
  /** The policy fetched from https://mta-sts.<domain>/.well-known/mta-sts.txt. */
  policy: PolicyFetch;
  /** MX of the domain (the hosts the policy must cover). */
  mx: ValidatedLookup;
  /** TXT at _smtp._tls.<domain>. */
  tlsRpt: ValidatedLookup;
}

/** SHA-256 and SHA-512 of one certificate (DER) and of its public key (SubjectPublicKeyInfo DER), hex. */
export interface CertificateHashes {
  cert: { sha256: string; sha512: string };
  spki: { sha256: string; sha512: string };
}

/** What the SMTP probe saw after STARTTLS, as the DANE, CAA and MTA-STS checks need it. */
export type SmtpSighting =
  | {
      ok: true;
      /** The address talked to. */
      address: string;
      /** Chain as sent, leaf first. */
      hashes: CertificateHashes[];
      issuer: string;
      issuerName?: string;
      /** Issuer organisation (O=), to tell which CA issued it. */
      issuerOrg?: string;
      selfSigned: boolean;
      trusted: boolean;
      coversHost: boolean;
    }
  | {
      ok: false;
      address?: string;
      /** Why no certificate was seen: no STARTTLS, no connection, SMTP checks turned off. */
      reason: string;
      /** STARTTLS was not offered (a DANE sender then refuses to deliver). */
      noStarttls?: boolean;
    };

/** DANE facts (dane.tlsa). */
export interface DaneObservation {
  /** TLSA at _25._tcp.<mail host>. */
  tlsa: ValidatedLookup;
  /** What each address of the mail host showed (one entry per address talked to, at least one). */
  smtp: SmtpSighting[];
}

/** CAA facts (caa.mail-host): from the mail host up to the domain, the first name with CAA decides. */
export interface CaaObservation {
  lookups: ValidatedLookup[];
  smtp: SmtpSighting;
}
