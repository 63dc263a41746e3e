import type { CheckId } from '../checks/catalogue';
/** DNS record types the planner produces. */
export type RecordType = 'A' | 'AAAA' | 'MX' | 'TXT' | 'CNAME' | 'PTR' | 'TLSA' | 'CAA';

/** What the user does with a planned record at the DNS host (see PlannedRecord.action). */
export type RecordAction = 'add' | 'edit' | 'delete' | 'keep';

/** Where the user sets a record: at their DNS host, or (PTR) at their VPS host. */
export type RecordWhere = 'dns-host' | 'vps-host';

/**
 * What one planned record is about, so a run's findings are matched to it by fact (see
 * shared/summary/record-status.ts), and the UI can name it without reading `key`:
 * - `name`: the record stands for its name; every finding of its checks is about it (the SPF
 *   record owns its per-address findings; several CAA or TLSA values at one name share theirs).
 * - `address`: one of the server's addresses (the A/AAAA of a host, the PTR of the address).
 * - `dkim-key`: one DKIM key among the plan's selectors.
 */
export type RecordSubject =
  { kind: 'name' } | { kind: 'address'; ip: string } | { kind: 'dkim-key'; selector: string };

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
  /** What the record is about (its own findings are the ones about this). */
  subject: RecordSubject;
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
   * What the user does with this record, against what the domain publishes today: add a new
   * record, edit the existing one to this value (`oldValue` is what it says today), delete it
   * (the value is the record to delete, e.g. another provider's MX when this server takes over
   * receiving), or keep it as it is. Absent means add (records built by hand in tests).
   */
  action?: RecordAction;
  /** For "edit": the value published today, which this record's value replaces. */
  oldValue?: string;
  /** Plain sentences about risks the user should know before publishing. */
  warnings?: string[];
  /**
   * Set when the value cannot be known yet (e.g. the DKIM key is not pasted or generated): a
   * plain sentence saying what is missing. The value then holds a placeholder; zone files
   * leave such records out (as a comment).
   */
  incomplete?: string;
}
