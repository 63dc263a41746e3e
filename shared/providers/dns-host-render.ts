import type { PlannedRecord, RecordType } from '../records/planned-record';
import { splitTxt, TXT_STRING_MAX_BYTES, utf8ByteLength } from '../records/txt-split';
import { getDnsHost, type DnsHost, type DnsHostId, type TxtEntryRule } from './dns-hosts';
import { formLabels } from './dns-host-form-labels';
import { isKnown } from './provider-fact';
import { secureRecordNotes } from './secure-record-notes';

/**
 * A planned record written the way one DNS host's form wants it: the exact text for each box.
 * Where the catalogue does not know the host's convention, the values are the generic ones
 * (full names) and the notes say how to tell and what to change.
 */

/** The boxes of a DNS host's "add record" form, filled in. */
export interface DnsHostForm {
  where: 'dns-host';
  hostId: DnsHostId;
  recordKey: string;
  /** What to type in the Name / Host box ("@", "mail", "mail._domainkey", or the full name). */
  nameField: string;
  /** The other way of writing the name, offered when the host's convention is not known. */
  nameFieldAlternative?: string;
  /** The full name the record must end up with, to compare with what the host shows. */
  fullName: string;
  typeField: RecordType;
  /** What to type in the Value / Content / Target box. */
  valueField: string;
  /** The TXT value in pieces of at most 255 characters, when the host wants (or may want) them. */
  valueStrings?: string[];
  /** A line for the host's text (zone file) editor, when the form itself cannot take the value. */
  zoneLine?: string;
  /** TTL in seconds. */
  ttlField: string;
  /** The form's label for the name box ("Name", "Host"): the host's own word where known. */
  nameLabel: string;
  /** The form's TTL choice meaning "the host's default" ("Automatic"), where it has one. */
  ttlChoice?: string;
  /** For MX, where the host has (or may have) a separate Priority box. */
  priorityField?: string;
  /** For hosts with a proxy switch: the setting to choose. */
  proxyField?: string;
  /** Short sentences for the user, most important first. */
  notes: string[];
}

/** A record that is not typed at the DNS host at all (reverse DNS is set at the VPS host). */
export interface NotAtDnsHost {
  where: 'vps-host';
  hostId: DnsHostId;
  recordKey: string;
  notes: string[];
}

/** The rendering of one planned record for one DNS host. */
export type DnsHostRendering = DnsHostForm | NotAtDnsHost;

function bare(name: string): string {
  return name.trim().toLowerCase().replace(/\.+$/, '');
}

function quote(piece: string): string {
  return `"${piece.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** Where the record's name sits relative to the zone. */
type Placement = { kind: 'apex' } | { kind: 'label'; label: string } | { kind: 'outside' };

function placement(name: string, domain: string): Placement {
  if (name === domain) return { kind: 'apex' };
  if (name.endsWith(`.${domain}`))
    return { kind: 'label', label: name.slice(0, -domain.length - 1) };
  return { kind: 'outside' };
}

interface NameBoxes {
  nameField: string;
  nameFieldAlternative?: string;
  notes: string[];
}

function nameBoxes(host: DnsHost, name: string, domain: string): NameBoxes {
  // The form's own word for the box ("Host" at Namecheap), so the notes match what it shows.
  const labels = formLabels(host.id);
  const box = isKnown(labels) ? labels.value.name : 'Name';
  const where = placement(name, domain);
  if (where.kind === 'outside') {
    return {
      nameField: name,
      notes: [
        `${name} is not inside ${domain}. Add this record in the DNS zone that holds ${name}, not in the zone of ${domain}.`,
      ],
    };
  }
  const rule = host.nameField;
  if (isKnown(rule)) {
    if (where.kind === 'apex') {
      return rule.value.apex === '@'
        ? { nameField: '@', notes: [`Type @ in the ${box} field: it means ${domain} itself.`] }
        : {
            nameField: '',
            notes: [`Leave the ${box} field empty: an empty name means ${domain} itself.`],
          };
    }
    return {
      nameField: where.label,
      notes: [
        `Type only ${where.label} in the ${box} field: ${host.name} adds .${domain} itself. If after saving the record shows as ${name}.${domain}, edit it and remove .${domain} from the ${box}.`,
      ],
    };
  }
  // Convention unknown: the full name is right for hosts that take full names, and the note
  // catches the hosts that append the domain (the classic doubled-name mistake).
  const short = where.kind === 'apex' ? '@' : where.label;
  return {
    nameField: name,
    nameFieldAlternative: short,
    notes: [
      where.kind === 'apex'
        ? `Type ${name} in the ${box} field. If the form already shows .${domain} next to the box, type @ instead (or leave it empty if the form says so).`
        : `Type ${name} in the ${box} field. If the form already shows .${domain} next to the box, type only ${short}. Some hosts add the domain automatically: if yours shows ${name}.${domain} after saving, remove .${domain} from the ${box} field.`,
    ],
  };
}

function targetValue(
  host: DnsHost,
  target: string,
  domain: string,
): { value: string; notes: string[] } {
  const rule = host.target;
  if (isKnown(rule) && rule.value.trailingDot === 'required') {
    return {
      value: `${target}.`,
      notes: [
        `The value ends with a dot (${target}.): keep it. Without it, ${host.name} adds your domain again (${target}.${domain}).`,
      ],
    };
  }
  return {
    value: target,
    notes: [
      `If after saving the target shows as ${target}.${domain}, edit it and add a dot at the end (${target}.).`,
    ],
  };
}

function quotedLength(pieces: string[]): number {
  return pieces.reduce((sum, p) => sum + utf8ByteLength(p) + 2, 0) + Math.max(0, pieces.length - 1);
}

function zoneLine(name: string, domain: string, ttl: number, pieces: string[]): string {
  const where = placement(name, domain);
  const owner = where.kind === 'apex' ? '@' : where.kind === 'label' ? where.label : `${name}.`;
  const data = pieces.length > 1 ? `( ${pieces.map(quote).join(' ')} )` : quote(pieces[0] ?? '');
  return `${owner} ${ttl} IN TXT ${data}`;
}

interface TxtBoxes {
  valueField: string;
  valueStrings?: string[];
  zoneLine?: string;
  notes: string[];
}

function txtBoxes(host: DnsHost, record: PlannedRecord, domain: string): TxtBoxes {
  const value = record.value;
  const pieces =
    record.txtStrings && record.txtStrings.length > 0 ? record.txtStrings : splitTxt(value);
  const long = pieces.length > 1;
  const fact = host.txt;
  if (!isKnown(fact)) {
    if (!long) return { valueField: value, notes: [] };
    return {
      valueField: value,
      valueStrings: pieces,
      notes: [
        `This value is ${value.length} characters long. Most hosts take it whole and split it themselves. If ${host.name} refuses it as too long or asks for quotes, type it as ${pieces.length} quoted parts in one value: ${pieces.map(quote).join(' ')}`,
      ],
    };
  }
  const rule: TxtEntryRule = fact.value;
  if (rule.long === 'pre-split-quoted') {
    const quoted = pieces.map(quote).join(' ');
    return {
      valueField: quoted,
      valueStrings: pieces,
      notes: [
        long
          ? `Type the value exactly as shown, quotes included: ${host.name} wants each part of at most 255 characters in its own quotes, all in one value.`
          : `Type the value with the quotes around it: ${host.name} wants TXT values in quotes.`,
      ],
    };
  }
  if (rule.long === 'text-mode') {
    const limit = rule.maxChars ?? TXT_STRING_MAX_BYTES;
    if (value.length <= limit) return { valueField: value, notes: [] };
    const line = zoneLine(record.name, domain, record.ttl, pieces);
    return {
      valueField: value,
      valueStrings: pieces,
      zoneLine: line,
      notes: [
        `${host.name}'s record form takes at most ${limit} characters in a TXT value, and this one has ${value.length}. Open the zone's text mode instead and add this line: ${line}`,
      ],
    };
  }
  const notes: string[] = [];
  if (rule.maxChars !== undefined) {
    const size = rule.maxCountsQuotes ? quotedLength(pieces) : value.length;
    if (size > rule.maxChars) {
      notes.push(
        `This value is too long for ${host.name}, which accepts about ${rule.maxChars} characters. If it is a DKIM key, use a 2048-bit key instead of a longer one.`,
      );
    }
  }
  if (long) {
    notes.push(
      `Paste the whole value in one piece: ${host.name} splits values longer than 255 characters itself.`,
    );
  }
  return { valueField: value, notes };
}

function parseMx(value: string): { priority: string; target: string } {
  const match = /^\s*(\d+)\s+(\S+)\s*$/.exec(value);
  if (match?.[1] !== undefined && match[2] !== undefined) {
    return { priority: match[1], target: bare(match[2]) };
  }
  return { priority: '10', target: bare(value) };
}

function quirkNotes(host: DnsHost, type: RecordType): string[] {
  return host.quirks
    .filter((q) => q.appliesTo === undefined || q.appliesTo.includes(type))
    .map((q) => q.value);
}

/**
 * The exact values to type in the DNS host's form for one planned record. `domain` is the zone
 * (the user's domain). PTR records come back as NotAtDnsHost: they are set at the VPS host.
 */
export function renderForDnsHost(
  record: PlannedRecord,
  hostId: string,
  domain: string,
): DnsHostRendering {
  const host = getDnsHost(hostId);
  if (record.where === 'vps-host' || record.type === 'PTR') {
    return {
      where: 'vps-host',
      hostId: host.id,
      recordKey: record.key,
      notes: [
        'Do not add this record at your DNS host. Reverse DNS (PTR) is set by whoever owns the IP address: your VPS host. The reverse DNS step shows how.',
      ],
    };
  }

  const zone = bare(domain);
  const name = bare(record.name);
  const names = nameBoxes(host, name, zone);
  const notes: string[] = [];
  let valueField = record.value;
  let valueStrings: string[] | undefined;
  let line: string | undefined;
  let priorityField: string | undefined;
  let proxyField: string | undefined;

  const proxy = host.proxy;
  if (proxy !== undefined && isKnown(proxy) && proxy.value.types.includes(record.type)) {
    proxyField = proxy.value.mailSetting;
    notes.push(
      `Set ${proxy.value.field} to ${proxy.value.mailSetting} (grey cloud). The orange cloud sends only web traffic through ${host.name}; mail would never reach your server.`,
    );
  }

  notes.push(...names.notes);

  if (record.type === 'MX') {
    const mx = parseMx(record.value);
    const target = targetValue(host, mx.target, zone);
    const where = host.mxPriority;
    if (isKnown(where) && where.value === 'in-value') {
      valueField = `${mx.priority} ${target.value}`;
      notes.push(`Type the priority and the mail server together in the value: ${valueField}`);
    } else {
      valueField = target.value;
      priorityField = mx.priority;
      if (!isKnown(where)) {
        notes.push(
          `Type ${mx.priority} in the Priority box. If the form has no Priority box, type ${mx.priority} ${target.value} in the value instead.`,
        );
      }
    }
    notes.push(...target.notes);
  } else if (record.type === 'CNAME') {
    const target = targetValue(host, bare(record.value), zone);
    valueField = target.value;
    notes.push(...target.notes);
  } else if (record.type === 'TXT') {
    const txt = txtBoxes(host, record, zone);
    valueField = txt.valueField;
    valueStrings = txt.valueStrings;
    line = txt.zoneLine;
    notes.push(...txt.notes);
  }

  notes.push(...quirkNotes(host, record.type));
  notes.push(...secureRecordNotes(host.id, host.name, record));

  const form: DnsHostForm = {
    where: 'dns-host',
    hostId: host.id,
    recordKey: record.key,
    nameField: names.nameField,
    fullName: name,
    typeField: record.type,
    valueField,
    ttlField: String(record.ttl),
    nameLabel: 'Name',
    notes,
  };
  const labels = formLabels(host.id);
  if (isKnown(labels)) {
    form.nameLabel = labels.value.name;
    if (labels.value.ttlAuto !== undefined) form.ttlChoice = labels.value.ttlAuto;
  }
  if (names.nameFieldAlternative !== undefined)
    form.nameFieldAlternative = names.nameFieldAlternative;
  if (valueStrings !== undefined) form.valueStrings = valueStrings;
  if (line !== undefined) form.zoneLine = line;
  if (priorityField !== undefined) form.priorityField = priorityField;
  if (proxyField !== undefined) form.proxyField = proxyField;
  return form;
}

/**
 * The card's one-line summary in the form's own words: "In Namecheap's form: Host = _dmarc,
 * TTL = Automatic". Undefined for hosts whose labels we do not know (the boxes say it all).
 */
export function formInOwnWords(form: DnsHostForm, hostName: string): string | undefined {
  if (!isKnown(formLabels(form.hostId))) return undefined;
  const name = form.nameField === '' ? '(leave empty)' : form.nameField;
  const ttl = form.ttlChoice ?? `${form.ttlField} seconds`;
  return `In ${hostName}'s form: ${form.nameLabel} = ${name}, Type = ${form.typeField}, TTL = ${ttl}`;
}
