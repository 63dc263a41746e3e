import { describe, expect, it } from 'vitest';
import { port25Procedure, type Port25Procedure } from '../../../shared/providers/port25-request';
import {
  ptrProcedure,
  ptrRequestText,
  type PtrProcedure,
} from '../../../shared/providers/ptr-request';
import type { ProviderRequestInput } from '../../../shared/providers/request-input';
import { VPS_HOST_IDS, type VpsHostId } from '../../../shared/providers/vps-hosts';
import { DOMAIN, IPV4, IPV6, MAIL_HOST } from './plan-records';

/** The request text the Reverse DNS step shows, or null where it shows no request to send. */
function port25RequestText(input: ProviderRequestInput): string | null {
  const procedure = port25Procedure(input);
  return procedure.kind === 'request' || procedure.kind === 'unknown' ? procedure.text : null;
}

function input(vpsHostId: string, extra: Partial<ProviderRequestInput> = {}): ProviderRequestInput {
  return { domain: DOMAIN, mailHost: MAIL_HOST, ipv4: [IPV4], ipv6: [IPV6], vpsHostId, ...extra };
}

const EXPECTED: [VpsHostId, PtrProcedure['kind'], Port25Procedure['kind']][] = [
  ['digitalocean', 'automatic', 'no-exceptions'],
  ['hetzner', 'self-service', 'request'],
  ['vultr', 'self-service', 'request'],
  ['linode', 'self-service', 'request'],
  ['ovh', 'self-service', 'unknown'],
  ['aws-ec2', 'self-service', 'request'],
  ['lightsail', 'ticket', 'request'],
  ['google-cloud', 'self-service', 'no-exceptions'],
  ['azure', 'self-service', 'no-exceptions'],
  ['oracle-cloud', 'unknown', 'no-exceptions'],
  ['scaleway', 'self-service', 'request'],
  ['upcloud', 'unknown', 'request'],
  ['racknerd', 'ticket', 'unknown'],
  ['contabo', 'unknown', 'unknown'],
  ['hostinger', 'unknown', 'unknown'],
  ['ionos', 'self-service', 'unknown'],
  ['other', 'unknown', 'unknown'],
];

const FULL_SENDER = {
  purpose: 'order confirmations and password resets for my online shop',
  optInLists: 'customers who placed an order',
  expectedVolume: 'about 50 messages a day',
  authentication: { spf: true, dkim: true, dmarc: true },
  contactEmail: 'postmaster@example.com',
};

describe('every VPS host has a procedure', () => {
  it('the table covers every host', () => {
    expect(EXPECTED.map(([id]) => id)).toEqual([...VPS_HOST_IDS]);
  });

  it.each(EXPECTED)('%s: PTR is %s, port 25 is %s', (id, ptrKind, port25Kind) => {
    const ptr = ptrProcedure(input(id));
    expect(ptr.kind).toBe(ptrKind);
    expect(ptr.hostId).toBe(id);
    expect(ptr.steps.length).toBeGreaterThan(0);
    expect(ptr.prerequisites.length).toBeGreaterThan(0);
    expect(ptr.sources.length).toBeGreaterThan(0);
    const all = [...ptr.steps, ...ptr.prerequisites, ...ptr.notes].join('\n');
    expect(all).not.toMatch(/\{(mailHost|domain|ip)\}/);

    const p25 = port25Procedure(input(id));
    expect(p25.kind).toBe(port25Kind);
    expect(p25.sources.length).toBe(1);
  });

  it('self-service steps name the mail host; the ones that ask for the IP name it', () => {
    const linode = ptrProcedure(input('linode'));
    expect(linode.steps.join(' ')).toContain(`Next to ${IPV4} and ${IPV6}, choose Edit RDNS.`);
    expect(linode.steps.join(' ')).toContain(`Enter ${MAIL_HOST} and save.`);
    const droplet = ptrProcedure(input('digitalocean'));
    expect(droplet.steps).toContain(`Rename the Droplet to exactly ${MAIL_HOST}.`);
    expect(droplet.prerequisites[0]).toContain(`must be a full host name, such as ${MAIL_HOST}.`);
    expect(droplet.prerequisites[1]).toContain(
      `Publish the A record and AAAA record of ${MAIL_HOST} first`,
    );
  });

  it.each(['linode', 'ovh', 'azure', 'aws-ec2', 'ionos'] as const)(
    '%s requires the A record before reverse DNS',
    (id) => {
      const p = ptrProcedure(input(id));
      const text = p.prerequisites.join(' ');
      expect(text).toMatch(/A record/);
      expect(text).toContain(MAIL_HOST);
    },
  );

  it('IPv6 notes: Azure is IPv4 only, DigitalOcean only the first IPv6 address, unknown says so', () => {
    expect(ptrProcedure(input('azure')).notes.join(' ')).toContain('IPv4 addresses only');
    expect(ptrProcedure(input('digitalocean')).notes.join(' ')).toContain('first IPv6 address');
    expect(ptrProcedure(input('contabo')).notes.join(' ')).toContain(
      `We do not know how Contabo handles IPv6`,
    );
    expect(ptrProcedure(input('azure', { ipv6: [] })).notes.join(' ')).not.toContain(
      'IPv4 addresses only',
    );
  });

  it('the Azure and Google commands carry the mail host', () => {
    const azure = ptrProcedure(input('azure'));
    expect(azure.steps.join(' ')).toContain(`--reverse-fqdn ${MAIL_HOST}.`);
    const gcp = ptrProcedure(input('google-cloud'));
    expect(gcp.kind === 'self-service' && gcp.api).toContain(`--public-ptr-domain=${MAIL_HOST}.`);
  });
});

describe('the PTR request text', () => {
  const text = ptrRequestText(input('racknerd', { signature: 'Alex' }));

  it('names each IP → mail host and gives the forward records as evidence', () => {
    expect(text).toContain(`${IPV4}  ->  ${MAIL_HOST}`);
    expect(text).toContain(`${IPV6}  ->  ${MAIL_HOST}`);
    expect(text).toContain(`${MAIL_HOST}.  IN  A     ${IPV4}`);
    expect(text).toContain(`${MAIL_HOST}.  IN  AAAA  ${IPV6}`);
    expect(text).toContain(`dig +short A ${MAIL_HOST}`);
    expect(text).toContain(`dig +short AAAA ${MAIL_HOST}`);
    expect(text).toContain(`sends email for ${DOMAIN}`);
    expect(text.startsWith(`Subject: Reverse DNS (PTR) for ${IPV4} and ${IPV6}`)).toBe(true);
    expect(text.endsWith('Thank you for your help.\nAlex')).toBe(true);
  });

  it('is singular for one address and has no AAAA lines without IPv6', () => {
    const one = ptrRequestText(input('racknerd', { ipv6: [] }));
    expect(one).toContain("record of my server's IP address");
    expect(one).not.toContain('AAAA');
  });

  it('ticket and unknown hosts get the text; self-service and automatic hosts get steps only', () => {
    const ticket = ptrProcedure(input('racknerd'));
    expect(ticket.kind === 'ticket' && ticket.text).toBe(ptrRequestText(input('racknerd')));
    const unknown = ptrProcedure(input('contabo'));
    expect(unknown.kind).toBe('unknown');
    expect(unknown.kind === 'unknown' && unknown.text).toContain(`${IPV4}  ->  ${MAIL_HOST}`);
    expect(unknown.steps[0]).toContain("Contabo's control panel");
    expect('text' in ptrProcedure(input('hetzner'))).toBe(false);
  });
});

describe('the port 25 procedure and request text', () => {
  it('hosts that never open port 25 get no request, and a relay on 587 instead', () => {
    for (const id of ['digitalocean', 'google-cloud', 'azure', 'oracle-cloud'] as const) {
      const p = port25Procedure(input(id));
      expect(p.kind).toBe('no-exceptions');
      if (p.kind !== 'no-exceptions') continue;
      expect(p.message).toContain('does not open it on request');
      expect(p.relaySteps.join(' ')).toContain('port 587');
      expect(port25RequestText(input(id))).toBeNull();
    }
  });

  it('Azure lists the subscription types that differ', () => {
    const notes = port25Procedure(input('azure')).notes.join('\n');
    expect(notes).toContain('Enterprise Agreement subscriptions: port 25 is not blocked.');
    expect(notes).toContain('Enterprise Dev/Test subscriptions: blocked until you ask');
  });

  it('the request text names the IPs, the mail host, the domain and the sending facts', () => {
    const text = port25RequestText(input('hetzner', { sender: FULL_SENDER, signature: 'Alex' }));
    expect(text).not.toBeNull();
    for (const part of [
      IPV4,
      IPV6,
      MAIL_HOST,
      DOMAIN,
      FULL_SENDER.purpose,
      FULL_SENDER.optInLists,
      FULL_SENDER.expectedVolume,
    ]) {
      expect(text).toContain(part);
    }
    expect(text).toContain('SPF, DKIM and DMARC are published for example.com.');
    expect(text).toContain('Bounces and complaints go to postmaster@example.com');
    expect(text).not.toContain('[');
    const p = port25Procedure(input('hetzner', { sender: FULL_SENDER }));
    expect(p.kind === 'request' && p.missing).toEqual([]);
  });

  it('missing sender facts become visible placeholders and are listed', () => {
    const p = port25Procedure(input('linode'));
    expect(p.kind).toBe('request');
    if (p.kind !== 'request') return;
    expect(p.missing).toEqual(['purpose', 'optInLists', 'expectedVolume', 'authentication']);
    expect(p.text).toContain('[Say what the server sends');
    expect(p.text).toContain('[Say which of SPF, DKIM and DMARC are published');
    expect(p.steps[0]).toContain(
      `Publish the A record for ${MAIL_HOST} and set its reverse DNS first.`,
    );
  });

  it('partial authentication says what is published and what is being set up', () => {
    const text = port25RequestText(
      input('vultr', {
        sender: { ...FULL_SENDER, authentication: { spf: true, dkim: true, dmarc: false } },
      }),
    );
    expect(text).toContain('SPF and DKIM are published for example.com. I am setting up DMARC.');
  });

  it('Lightsail: the same request also asks for reverse DNS', () => {
    const text = port25RequestText(input('lightsail', { sender: FULL_SENDER }));
    expect(text).toContain(
      `Please also set the reverse DNS (PTR) of ${IPV4} and ${IPV6} to ${MAIL_HOST}`,
    );
    const done = port25RequestText(
      input('lightsail', { sender: { ...FULL_SENDER, reverseDnsSet: true } }),
    );
    expect(done).toContain(`Reverse DNS of ${IPV4} and ${IPV6} points to ${MAIL_HOST}.`);
  });

  it('Lightsail: the PTR ticket is the same request as the port 25 one', () => {
    const p = ptrProcedure(input('lightsail', { sender: FULL_SENDER }));
    expect(p.kind).toBe('ticket');
    expect(p.kind === 'ticket' && p.text).toBe(
      port25RequestText(input('lightsail', { sender: FULL_SENDER })),
    );
    expect(p.notes[0]).toContain('open outgoing mail and to set reverse DNS');
  });

  it('the routine research-date remark never shows up as a user note', () => {
    for (const id of VPS_HOST_IDS) {
      const notes = [...ptrProcedure(input(id)).notes, ...port25Procedure(input(id)).notes];
      expect(notes.join(' ')).not.toContain("from Mailwright's provider research notes");
    }
  });

  it('Hetzner states its conditions: a month and a paid invoice', () => {
    const p = port25Procedure(input('hetzner'));
    expect(p.kind === 'request' && p.conditions.join(' ')).toMatch(
      /a month and paid your first invoice/,
    );
    expect(p.notes.join(' ')).toContain('587 is not blocked');
  });

  it('unknown hosts: check first, then ask; OVH mentions reactive blocking', () => {
    const p = port25Procedure(input('contabo'));
    expect(p.kind).toBe('unknown');
    if (p.kind !== 'unknown') return;
    expect(p.steps[0]).toContain("Contabo's help pages");
    expect(p.text).toContain(IPV4);
    expect(port25RequestText(input('contabo'))).toBe(p.text);
    expect(port25Procedure(input('ovh')).notes.join(' ')).toContain('when it detects spam');
  });
});
