import type { DnsHost } from '../../../shared/providers/dns-hosts';
import {
  describeProvenance,
  isKnown,
  remarkOf,
  type Fact,
} from '../../../shared/providers/provider-fact';

/** One thing to know about a DNS host's form, with where we learned it. */
export interface HostFact {
  title: string;
  text: string;
  source: string;
  remark?: string;
  /** False when our research did not find it (shown apart, as "not confirmed"). */
  known: boolean;
}

function fact<T>(title: string, f: Fact<T>, say: (v: T) => string): HostFact {
  const remark = remarkOf(f);
  return {
    title,
    text: isKnown(f) ? say(f.value) : f.note,
    source: describeProvenance(f),
    known: isKnown(f),
    ...(remark && isKnown(f) ? { remark } : {}),
  };
}

/**
 * The quirks of a DNS host's record form, each once, in plain words: how the Name box is
 * filled (auto-append), long TXT values, trailing dots, the proxy switch, zone import.
 */
export function hostFacts(host: DnsHost, domain: string): HostFact[] {
  const out: HostFact[] = [
    fact('Name box', host.nameField, (v) =>
      v.apex === '@'
        ? `${host.name} adds .${domain} to the name for you: type only the part before it (mail), and @ for ${domain} itself.`
        : `${host.name} adds .${domain} to the name for you: type only the part before it (mail), and leave the box empty for ${domain} itself.`,
    ),
    fact('Long TXT values (DKIM keys)', host.txt, (v) => {
      const max = v.maxChars ? ` The box takes at most ${v.maxChars} characters.` : '';
      switch (v.long) {
        case 'paste-whole':
          return `Paste the whole value in one piece; ${host.name} splits it into 255-character strings itself.${max}`;
        case 'pre-split-quoted':
          return `Type long values as pieces of at most 255 characters, each in its own quotes, in one value box. The Records step shows the pieces.${max}`;
        default:
          return `The form limits the length: enter long values in the zone's text editor instead.${max}`;
      }
    }),
    fact(
      'Targets (MX)',
      host.target,
      () =>
        `End the mail server's name with a dot (mail.${domain}.), or ${host.name} adds your domain again.`,
    ),
    fact('MX priority', host.mxPriority, (v) =>
      v === 'separate-field'
        ? 'The priority (10) has its own box.'
        : 'Type the priority and the server together in the value, like "10 mail.example.com".',
    ),
  ];
  if (host.proxy) {
    out.push(
      fact(
        'Proxy switch',
        host.proxy,
        (v) =>
          `Set "${v.field}" to "${v.mailSetting}" on your mail server's records: mail cannot pass through the web proxy.`,
      ),
    );
  }
  out.push(
    fact('Zone file import', host.zoneImport, (v) =>
      v.supported
        ? `You can import all the records at once from a zone file: ${v.how ?? ''}${v.limits ? ` ${v.limits}` : ''}`
        : 'This host does not import zone files: type each record in the form.',
    ),
  );
  for (const q of host.quirks) {
    const remark = remarkOf(q);
    out.push({
      title: 'Good to know',
      text: q.value,
      source: describeProvenance(q),
      known: true,
      ...(remark ? { remark } : {}),
    });
  }
  return out;
}
