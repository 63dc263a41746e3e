import { port25RequestBody } from './port25-request';
import { isKnown, remarkOf, type Provenance } from './provider-fact';
import { allAddresses, fillStep, joinList, type ProviderRequestInput } from './request-input';
import { getVpsHost, type VpsHost, type VpsHostId } from './vps-hosts';

/**
 * Reverse DNS (PTR) for the user's server: step-by-step where the VPS host has a setting, a
 * ready-to-paste support request where only support can do it, and both (look first, then ask)
 * where our research found nothing.
 */

interface PtrProcedureBase {
  hostId: VpsHostId;
  hostName: string;
  /** What to do, in order, with the user's names and addresses filled in. */
  steps: string[];
  /** What must be true first. */
  prerequisites: string[];
  /** Other things to know (IPv6, limits, uncertainty). */
  notes: string[];
  /** Where the facts behind these steps come from, for the "source" line. */
  sources: Provenance[];
}

/** The user sets PTR in the panel, API or CLI. */
export interface SelfServicePtr extends PtrProcedureBase {
  kind: 'self-service';
  api?: string;
}

/** The host derives PTR from something the user sets (DigitalOcean: the Droplet name). */
export interface AutomaticPtr extends PtrProcedureBase {
  kind: 'automatic';
}

/** Only the host's support can set PTR: send `text`. */
export interface TicketPtr extends PtrProcedureBase {
  kind: 'ticket';
  text: string;
}

/** Our research does not know: look for a setting first, else send `text`. */
export interface UnknownPtr extends PtrProcedureBase {
  kind: 'unknown';
  text: string;
}

/** How to get reverse DNS set at the user's VPS host. */
export type PtrProcedure = SelfServicePtr | AutomaticPtr | TicketPtr | UnknownPtr;

function forwardLines(input: ProviderRequestInput): string[] {
  const owner = `${input.mailHost}.`;
  return [
    ...input.ipv4.map((ip) => `    ${owner}  IN  A     ${ip}`),
    ...input.ipv6.map((ip) => `    ${owner}  IN  AAAA  ${ip}`),
  ];
}

function checkCommands(input: ProviderRequestInput): string[] {
  const lines: string[] = [];
  if (input.ipv4.length > 0) lines.push(`    dig +short A ${input.mailHost}`);
  if (input.ipv6.length > 0) lines.push(`    dig +short AAAA ${input.mailHost}`);
  return lines;
}

/**
 * The support request for reverse DNS, ready to paste: each address → the mail host, and the
 * forward records as evidence that the name points back to the same addresses.
 */
export function ptrRequestText(input: ProviderRequestInput): string {
  const ips = allAddresses(input);
  const plural = ips.length > 1;
  const lines = [
    `Subject: Reverse DNS (PTR) for ${joinList(ips)}`,
    '',
    'Hello,',
    '',
    plural
      ? "Please set the reverse DNS (PTR) records of my server's IP addresses to my mail server's name:"
      : "Please set the reverse DNS (PTR) record of my server's IP address to my mail server's name:",
    '',
    ...ips.map((ip) => `    ${ip}  ->  ${input.mailHost}`),
    '',
    plural
      ? 'The forward DNS records of that name point to the same addresses:'
      : 'The forward DNS record of that name points to the same address:',
    '',
    ...forwardLines(input),
    '',
    'You can check it with:',
    '',
    ...checkCommands(input),
    '',
    `The server sends email for ${input.domain}. Receiving mail servers check that the reverse DNS name of the sending address matches the server's name, and reject or flag mail when it does not.`,
    '',
    'Thank you for your help.',
  ];
  if (input.signature !== undefined && input.signature.trim() !== '')
    lines.push(input.signature.trim());
  return lines.join('\n');
}

function sourcesOf(host: VpsHost, withIpv6: boolean): Provenance[] {
  const facts: Provenance[] = [host.ptr, host.ptrPrerequisites];
  if (withIpv6) facts.push(host.ipv6);
  return facts;
}

function prerequisitesOf(host: VpsHost, input: ProviderRequestInput): string[] {
  const fact = host.ptrPrerequisites;
  const known = isKnown(fact) ? fact.value.map((p) => fillStep(p, input)) : [];
  if (known.some((p) => p.includes('A record'))) return known;
  // Not a claim about the host: reverse DNS is only useful when the name points back.
  return [
    ...known,
    `Publish the A record${input.ipv6.length > 0 ? ' and AAAA record' : ''} of ${input.mailHost} first: receiving servers check that the name points back to the same address, and some hosts refuse reverse DNS until it does.`,
  ];
}

function ipv6Notes(host: VpsHost, input: ProviderRequestInput): string[] {
  if (input.ipv6.length === 0) return [];
  const fact = host.ipv6;
  if (isKnown(fact)) return [fact.value];
  return [
    `We do not know how ${host.name} handles IPv6 reverse DNS. Set it for ${joinList(input.ipv6)} too if the panel allows; otherwise include it in your request.`,
  ];
}

/**
 * What the user does to get reverse DNS set at their VPS host, with their names and addresses
 * filled in: panel steps, automatic (rename), a support ticket text, or look-then-ask.
 */
export function ptrProcedure(input: ProviderRequestInput): PtrProcedure {
  const host = getVpsHost(input.vpsHostId);
  const base = {
    hostId: host.id,
    hostName: host.name,
    prerequisites: prerequisitesOf(host, input),
    sources: sourcesOf(host, input.ipv6.length > 0),
  };
  const fact = host.ptr;
  const remark = isKnown(fact) ? remarkOf(fact) : undefined;
  const factNote = remark !== undefined ? [remark] : [];
  const notes = [...ipv6Notes(host, input), ...host.notes.map((n) => n.value), ...factNote];

  if (!isKnown(fact)) {
    return {
      ...base,
      kind: 'unknown',
      steps: [
        `Look in ${host.id === 'other' ? "your VPS host's" : `${host.name}'s`} control panel for a setting called Reverse DNS, rDNS or PTR, usually next to the server's IP address.`,
        `If you find it, set it to ${input.mailHost} for ${joinList(allAddresses(input))}.`,
        "If there is no such setting, send the request below to your host's support.",
      ],
      notes: [...notes, fact.note],
      text: ptrRequestText(input),
    };
  }

  const steps = fact.value.steps.map((s) => fillStep(s, input));
  switch (fact.value.kind) {
    case 'ticket':
      // Lightsail: one AWS Support request lifts the email limits and sets reverse DNS.
      return fact.value.withPort25Request === true
        ? {
            ...base,
            kind: 'ticket',
            steps,
            notes: [
              `This one request asks ${host.name} to open outgoing mail and to set reverse DNS.`,
              ...notes,
            ],
            text: port25RequestBody(input),
          }
        : { ...base, kind: 'ticket', steps, notes, text: ptrRequestText(input) };
    case 'automatic':
      return { ...base, kind: 'automatic', steps, notes };
    case 'self-service': {
      const procedure: SelfServicePtr = { ...base, kind: 'self-service', steps, notes };
      if (fact.value.api !== undefined) procedure.api = fillStep(fact.value.api, input);
      return procedure;
    }
  }
}
