import type { CheckId } from '../checks/catalogue';
/** DNS record types the planner produces. */
export type RecordType = 'A' | 'AAAA' | 'MX' | 'TXT' | 'CNAME' | 'PTR';

/** Where the user sets a record: at their DNS host, or (PTR) at their VPS host. */
export type RecordWhere = 'dns-host' | 'vps-host';

/**
 * One record the user should publish, as the planner produces it. The renderer, the PDF, the
 * zone file and the checker all read this shape.
 */
export interface PlannedRecord {
  /** Stable key within one plan, e.g. "spf", "dkim:mail", "a:203.0.113.10", "ptr:203.0.113.10". */
  key: string;
  /** Fully qualified owner name, lowercase ASCII, no trailing dot (e.g. "mail._domainkey.example.com"). */
  name: string;
  type: RecordType;
  /**
   * The record data in presentation form, without quotes: an address, "10 mail.example.com" for
   * MX (target without trailing dot), the full joined text for TXT.
   */
  value: string;
  /** For TXT: the value split into character-strings of at most 255 bytes. */
  txtStrings?: string[];
  ttl: number;
  where: RecordWhere;
  /** One plain sentence: why this record is needed. */
  why: string;
  /** A few more sentences, shown when the user expands "why". */
  more?: string;
  /** The check ids that verify this record (docs/CHECKS.md). */
  checks: CheckId[];
  /** What changes for the user if this record replaces or merges with an existing one. */
  mergeNote?: string;
  /** For records with a policy ladder (SPF, DMARC): the next, stricter value and when to use it. */
  nextStep?: { value: string; when: string };
  /**
   * What the user does at the DNS host: create a new record, update (edit) an existing one to
   * this value, keep an existing one as it is, or replace existing records (delete them, add
   * this). Absent means create.
   */
  action?: 'create' | 'update' | 'keep' | 'replace';
  /** The values of existing records this one replaces or updates, as published today. */
  replaces?: string[];
  /** Plain sentences about risks the user should know before publishing. */
  warnings?: string[];
  /**
   * Set when the value cannot be known yet (e.g. the DKIM key is not pasted or generated): a
   * plain sentence saying what is missing. The value then holds a placeholder; zone files
   * leave such records out (as a comment).
   */
  incomplete?: string;
}
