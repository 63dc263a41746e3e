import { ON_SERVER_WORDS } from '../checks/smtp-words';
import { isKnown, remarkOf, type Provenance } from './provider-fact';
import {
  allAddresses,
  fillStep,
  joinList,
  type ProviderRequestInput,
  type SenderFactKey,
} from './request-input';
import {
  getVpsHost,
  type Port25Policy,
  type Port25PolicyKind,
  type VpsHost,
  type VpsHostId,
} from './vps-hosts';

/**
 * Outbound port 25: what the user's VPS host does with it and what to do about it. A request
 * text only where the host opens the port on request (or where we do not know); where the host
 * never opens it, say so and point to an authenticated relay on port 587 instead.
 */

interface Port25ProcedureBase {
  hostId: VpsHostId;
  hostName: string;
  /** Other things to know: other ports, account types with another policy, uncertainty. */
  notes: string[];
  /** Where the facts come from, for the "source" line. */
  sources: Provenance[];
}

/** The host does not block port 25. */
export interface Port25Open extends Port25ProcedureBase {
  kind: 'open';
  message: string;
}

/** The host blocks port 25 of an IP when it sees spam from it. */
export interface Port25Reactive extends Port25ProcedureBase {
  kind: 'reactive';
  message: string;
}

/** The host opens port 25 on request: follow `steps`, send `text`. */
export interface Port25Request extends Port25ProcedureBase {
  kind: 'request';
  /** What the host asks for before it opens the port. */
  conditions: string[];
  steps: string[];
  text: string;
  /** Sender facts the user has not given; the text has [placeholders] for them. */
  missing: SenderFactKey[];
}

/** The host never opens port 25: use a relay on 587. */
export interface Port25NoExceptions extends Port25ProcedureBase {
  kind: 'no-exceptions';
  message: string;
  relaySteps: string[];
}

/** Our research does not know: check first, then ask with `text`. */
export interface Port25Unknown extends Port25ProcedureBase {
  kind: 'unknown';
  steps: string[];
  text: string;
  missing: SenderFactKey[];
}

/** What to do about outbound port 25 at the user's VPS host. */
export type Port25Procedure =
  Port25Open | Port25Reactive | Port25Request | Port25NoExceptions | Port25Unknown;

const PLACEHOLDERS: Record<SenderFactKey, string> = {
  purpose:
    '[Say what the server sends, for example: order confirmations and password resets for my online shop]',
  optInLists:
    '[Say who receives it and how they agreed to, for example: customers who placed an order, and newsletter subscribers who confirmed by email (double opt-in)]',
  expectedVolume: '[Give an estimate, for example: about 100 messages a day]',
  authentication: '[Say which of SPF, DKIM and DMARC are published for your domain]',
};

function filled(value: string | undefined): string | undefined {
  return value !== undefined && value.trim() !== '' ? value.trim() : undefined;
}

function missingFacts(input: ProviderRequestInput): SenderFactKey[] {
  const s = input.sender ?? {};
  const missing: SenderFactKey[] = [];
  if (filled(s.purpose) === undefined) missing.push('purpose');
  if (filled(s.optInLists) === undefined) missing.push('optInLists');
  if (filled(s.expectedVolume) === undefined) missing.push('expectedVolume');
  if (s.authentication === undefined) missing.push('authentication');
  return missing;
}

function authenticationLine(input: ProviderRequestInput): string {
  const auth = input.sender?.authentication;
  if (auth === undefined) return PLACEHOLDERS.authentication;
  const names: [string, boolean][] = [
    ['SPF', auth.spf],
    ['DKIM', auth.dkim],
    ['DMARC', auth.dmarc],
  ];
  const done = names.filter(([, on]) => on).map(([n]) => n);
  const todo = names.filter(([, on]) => !on).map(([n]) => n);
  const parts: string[] = [];
  if (done.length > 0)
    parts.push(
      `${joinList(done)} ${done.length > 1 ? 'are' : 'is'} published for ${input.domain}.`,
    );
  if (todo.length > 0) parts.push(`I am setting up ${joinList(todo)}.`);
  return parts.join(' ');
}

function reverseDnsLine(input: ProviderRequestInput, host: VpsHost): string | undefined {
  const ips = joinList(allAddresses(input));
  const ptr = host.ptr;
  if (
    isKnown(ptr) &&
    ptr.value.withPort25Request === true &&
    input.sender?.reverseDnsSet !== true
  ) {
    return `Please also set the reverse DNS (PTR) of ${ips} to ${input.mailHost}; its A record points to the same address.`;
  }
  if (input.sender?.reverseDnsSet === true)
    return `Reverse DNS of ${ips} points to ${input.mailHost}.`;
  return undefined;
}

/**
 * The request to open outbound port 25, ready to paste. Sender facts the user has not given
 * appear as [placeholders] so nothing untrue is sent; port25Procedure lists them as missing.
 */
export function port25RequestBody(input: ProviderRequestInput): string {
  const host = getVpsHost(input.vpsHostId);
  const ips = allAddresses(input);
  const s = input.sender ?? {};
  const checks = [
    `- ${authenticationLine(input)}`,
    ...[reverseDnsLine(input, host)].filter((l) => l !== undefined).map((l) => `- ${l}`),
  ];
  const contact = filled(s.contactEmail);
  if (contact !== undefined)
    checks.push(`- Bounces and complaints go to ${contact} and are handled promptly.`);
  const lines = [
    `Subject: Request to open outbound port 25 (SMTP) for ${joinList(ips)}`,
    '',
    'Hello,',
    '',
    `Please open outbound port 25 (SMTP) for my server, so it can deliver email for ${input.domain} directly to the recipients' mail servers.`,
    '',
    `Server address${ips.length > 1 ? 'es' : ''}: ${ips.join(', ')}`,
    `Mail server name: ${input.mailHost}`,
    `Domain: ${input.domain}`,
    '',
    `What the server sends: ${filled(s.purpose) ?? PLACEHOLDERS.purpose}`,
    `Who receives it: ${filled(s.optInLists) ?? PLACEHOLDERS.optInLists}`,
    `Expected volume: ${filled(s.expectedVolume) ?? PLACEHOLDERS.expectedVolume}`,
    '',
    'How the mail is authenticated:',
    ...checks,
    '',
    'I understand why port 25 is blocked by default, and I will not use it to send unsolicited email.',
    '',
    'Thank you for your help.',
  ];
  const signature = filled(input.signature);
  if (signature !== undefined) lines.push(signature);
  return lines.join('\n');
}

function policyNotes(host: VpsHost, policy: Port25Policy | undefined): string[] {
  const notes: string[] = [];
  if (policy?.ports !== undefined) notes.push(policy.ports);
  for (const v of policy?.variants ?? []) {
    notes.push(
      `${v.applies}: ${describePolicy(v.policy)}${v.note !== undefined ? ` ${v.note}` : ''}`,
    );
  }
  const remark = remarkOf(host.port25);
  if (remark !== undefined) notes.push(remark);
  return notes;
}

function describePolicy(policy: Port25PolicyKind): string {
  switch (policy) {
    case 'open':
      return 'port 25 is not blocked.';
    case 'blocked-unblock-on-request':
      return 'blocked until you ask and the host agrees.';
    case 'blocked-no-exceptions':
      return 'blocked, with no exceptions.';
    case 'reactive':
      return 'open, but blocked for an IP when spam is seen from it.';
    case 'unknown':
      return 'not known.';
  }
}

const RELAY_STEPS = [
  "Choose an SMTP relay (smart host): for example Amazon SES, Mailgun, SendGrid, Postmark or Brevo, or your email provider's SMTP service.",
  'In your mail software, send all outgoing mail through the relay on port 587, with STARTTLS and the username and password the relay gives you.',
  "Add the relay's include to your SPF record and publish its DKIM record, so your mail stays authenticated.",
  'The block is on outgoing connections. Receiving mail for your domain uses incoming connections to port 25, which this block does not cover.',
];

/**
 * What the user does about outbound port 25 at their VPS host: nothing, a request (with the
 * text), or a relay on port 587 where the host never opens it.
 */
export function port25Procedure(input: ProviderRequestInput): Port25Procedure {
  const host = getVpsHost(input.vpsHostId);
  const base = { hostId: host.id, hostName: host.name, sources: [host.port25] as Provenance[] };
  const fact = host.port25;
  if (!isKnown(fact)) {
    return {
      ...base,
      kind: 'unknown',
      notes: [...host.notes.map((n) => n.value), fact.note],
      steps: [
        `Check ${host.id === 'other' ? "your VPS host's" : `${host.name}'s`} help pages or control panel for "port 25" or "SMTP": many hosts block outgoing port 25 on new accounts.`,
        `Or ${ON_SERVER_WORDS}: it reports whether the server can reach other mail servers on port 25.`,
        "If it is blocked, send the request below to your host's support.",
      ],
      text: port25RequestBody(input),
      missing: missingFacts(input),
    };
  }
  const policy = fact.value;
  const notes = [...policyNotes(host, policy), ...host.notes.map((n) => n.value)];
  switch (policy.policy) {
    case 'open':
      return {
        ...base,
        kind: 'open',
        notes,
        message: `${host.name} does not block outgoing port 25. Your server can deliver mail directly.`,
      };
    case 'reactive':
      return {
        ...base,
        kind: 'reactive',
        notes,
        message: `${host.name} leaves port 25 open but blocks it for an IP when it sees spam from it. Keep the server secure and send only to people who asked for your mail.`,
      };
    case 'blocked-no-exceptions':
      return {
        ...base,
        kind: 'no-exceptions',
        notes,
        message: `${host.name} blocks outgoing port 25 and does not open it on request, so your server cannot deliver mail directly. Do not send a request: send your mail through an authenticated relay on port 587 instead.`,
        relaySteps: RELAY_STEPS,
      };
    case 'blocked-unblock-on-request': {
      const channel = policy.requestChannel ?? "your host's support";
      const steps =
        policy.unblockSteps !== undefined && policy.unblockSteps.length > 0
          ? policy.unblockSteps.map((s) => fillStep(s, input))
          : [`Send the request below to ${channel}.`];
      return {
        ...base,
        kind: 'request',
        notes,
        conditions: policy.conditions ?? [],
        steps,
        text: port25RequestBody(input),
        missing: missingFacts(input),
      };
    }
  }
}
