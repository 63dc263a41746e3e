import type { Buffer } from 'node:buffer';
import * as packet from 'dns-packet';
import { recordCap } from '../../shared/checks/dns-limits';

/**
 * The parts of dns-packet that decode one piece of a message at a time. They exist at run time
 * (dns-packet's index.js exports them) but not in @types/dns-packet.
 */
interface PieceDecoder<T> {
  decode: ((buf: Buffer, offset: number) => T) & { bytes: number };
}
const pieces = packet as unknown as {
  name: PieceDecoder<string>;
  question: PieceDecoder<packet.Question>;
  answer: PieceDecoder<packet.Answer>;
};

const RCODES = [
  'NOERROR',
  'FORMERR',
  'SERVFAIL',
  'NXDOMAIN',
  'NOTIMP',
  'REFUSED',
  'YXDOMAIN',
  'YXRRSET',
  'NXRRSET',
  'NOTAUTH',
  'NOTZONE',
];

/** Type codes of the records the probes read (RFC 1035, RFC 3596). */
const TYPE_CODES: Record<string, number> = {
  A: 1,
  NS: 2,
  CNAME: 5,
  SOA: 6,
  PTR: 12,
  MX: 15,
  TXT: 16,
  AAAA: 28,
};

/** Records of the authority section kept: an SOA, or a referral's NS set. */
const AUTHORITY_KEPT = 16;

/** CNAMEs kept from one answer: more than a chain can use (answer-interpret follows 16). */
const CNAMES_KEPT = 17;

/** A message's header and question, and its answer and authority records up to the caps. */
export interface CappedMessage {
  id: number;
  isResponse: boolean;
  authoritative: boolean;
  truncated: boolean;
  rcode: string;
  question?: packet.Question;
  answers: packet.Answer[];
  /** Records of the asked type in the answer section beyond the cap: counted, not decoded. */
  answersOmitted: number;
  authorities: packet.Answer[];
}

/**
 * Decode a DNS message without building every record: a hostile server's 64 KB answer holds
 * thousands, and decoding them all for each of a run's queries costs tens of megabytes. Only
 * records of the asked type (up to shared/checks/dns-limits.ts's cap) and CNAMEs are decoded;
 * the others are skipped by their length (the asked type counted). Throws on a message that
 * runs past its end, like dns-packet.
 */
export function decodeCapped(buf: Buffer, askedType: string): CappedMessage {
  if (buf.length < 12) throw new Error('the message is shorter than a DNS header');
  const flags = buf.readUInt16BE(2);
  const counts = [4, 6, 8].map((at) => buf.readUInt16BE(at)) as [number, number, number];
  let offset = 12;
  let question: packet.Question | undefined;
  for (let i = 0; i < counts[0]; i += 1) {
    const q = pieces.question.decode(buf, offset);
    offset += pieces.question.decode.bytes;
    question ??= q;
  }
  const asked = TYPE_CODES[askedType];
  const cap = recordCap(askedType);
  const answers: packet.Answer[] = [];
  let kept = 0;
  let cnames = 0;
  let answersOmitted = 0;
  const authorities: packet.Answer[] = [];
  for (let section = 1; section <= 2; section += 1) {
    for (let i = 0; i < counts[section]!; i += 1) {
      pieces.name.decode(buf, offset);
      const fixed = offset + pieces.name.decode.bytes;
      if (fixed + 10 > buf.length) throw new Error('a record runs past the end of the message');
      const type = buf.readUInt16BE(fixed);
      const end = fixed + 10 + buf.readUInt16BE(fixed + 8);
      if (end > buf.length) throw new Error('a record runs past the end of the message');
      let keep = false;
      if (section === 1) {
        if (type === asked) {
          if (kept < cap) {
            keep = true;
            kept += 1;
          } else answersOmitted += 1;
        } else if (type === TYPE_CODES.CNAME && cnames < CNAMES_KEPT) {
          keep = true;
          cnames += 1;
        }
      } else keep = authorities.length < AUTHORITY_KEPT;
      if (keep) (section === 1 ? answers : authorities).push(pieces.answer.decode(buf, offset));
      offset = end;
    }
  }
  return {
    id: buf.readUInt16BE(0),
    isResponse: (flags & 0x8000) !== 0,
    authoritative: (flags & 0x0400) !== 0,
    truncated: (flags & 0x0200) !== 0,
    rcode: RCODES[flags & 0xf] ?? `RCODE_${flags & 0xf}`,
    ...(question && { question }),
    answers,
    answersOmitted,
    authorities,
  };
}
