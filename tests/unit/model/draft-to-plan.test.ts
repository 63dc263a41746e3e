import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fillDraft } from './draft-fill';
import { draftToPlan, splitAddresses } from '../../../shared/model/draft-to-plan';
import { planRecords } from '../../../shared/records/plan-records';

const spki = generateKeyPairSync('rsa', { modulusLength: 2048 })
  .publicKey.export({ type: 'spki', format: 'der' })
  .toString('base64');

/** How opendkim-genkey prints a key: a BIND line with parentheses and quoted pieces. */
const opendkimPaste = `default._domainkey\tIN\tTXT\t( "v=DKIM1; h=sha256; k=rsa; "
\t  "p=${spki.slice(0, 200)}"
\t  "${spki.slice(200)}" )  ; ----- DKIM key default for example.test`;

const base = { domain: 'example.test', ipv4: '192.0.2.10' };

describe('draftToPlan', () => {
  it('fills the defaults of an old draft that has only the domain fields', () => {
    const d = fillDraft({ domain: 'example.test', mailHostLabel: 'mail' });
    expect(d.mode).toBe(''); // not chosen yet
    expect(d.senders).toEqual([]);
    expect(d.dkimGenerated).toBeNull();
  });

  it('keeps every good field when one saved value has an unexpected form', () => {
    const d = fillDraft({
      domain: 'example.test',
      ipv4: '192.0.2.10',
      mode: 'relay-only',
      senders: 'x',
    });
    expect(d.domain).toBe('example.test');
    expect(d.ipv4).toBe('192.0.2.10');
    expect(d.mode).toBe('');
    expect(d.senders).toEqual([]);
    expect(fillDraft(null).mailHostLabel).toBe('mail');
  });

  it('assumes no mode while another provider receives the mail: the user must choose', () => {
    const published = {
      domain: 'example.test',
      mailHost: 'mail.example.test',
      checkedAt: '2026-12-07T00:00:00Z',
      spf: [],
      dmarc: [],
      mx: [{ preference: 1, exchange: 'aspmx.l.google.com' }],
      mailHostSpf: [],
      problems: [],
      unread: [],
    };
    const r = draftToPlan({ ...base, published });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toEqual([
      {
        field: 'mode',
        step: 'domain',
        message: expect.stringContaining('aspmx.l.google.com receives your mail today'),
      },
    ]);
    const chosen = draftToPlan({ ...base, published, mode: 'send-only' });
    expect(chosen.ok && chosen.plan.mode).toBe('send-only');
    // Nobody receives the mail elsewhere (or nobody looked): "send and receive" applies.
    const none = draftToPlan({ ...base, published: { ...published, mx: [] } });
    expect(none.ok && none.plan.mode).toBe('send-receive');
    const unread = draftToPlan({ ...base, published: { ...published, unread: ['mx' as const] } });
    expect(unread.ok && unread.plan.mode).toBe('send-receive');
  });

  it('makes a plan from a minimal draft, with the documentation address as a warning', () => {
    const r = draftToPlan(base);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.plan).toMatchObject({
      domain: 'example.test',
      mailHost: 'mail.example.test',
      ipv4: ['192.0.2.10'],
      ipv6: [],
      mode: 'send-receive',
      dmarc: { policy: 'none' },
      dkim: { selector: 'mail' },
    });
    expect(r.warnings.map((w) => [w.field, w.step])).toContainEqual(['ipv4', 'server']);
    expect(r.warnings.find((w) => w.field === 'ipv4')?.message).toContain('documentation address');
  });

  it('normalises what was typed: a pasted URL, several addresses, IPv6, a report address', () => {
    const r = draftToPlan({
      domain: 'https://www.Example.test/contact',
      mailHostLabel: 'MX1',
      ipv4: '192.0.2.10, 192.0.2.11;  192.0.2.10',
      ipv6: '2001:DB8:0::10',
      dmarcRua: 'dmarc@example.test',
      senders: ['google-workspace', 'other'],
      otherSenderInclude: 'include:spf.mailer.example',
      vpsHost: 'hetzner',
      mailSoftware: 'postfix-opendkim',
      dnsHost: 'cloudflare',
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.plan.mailHost).toBe('mx1.example.test');
    expect(r.plan.ipv4).toEqual(['192.0.2.10', '192.0.2.11']);
    expect(r.plan.ipv6).toEqual(['2001:db8::10']);
    expect(r.plan.dmarc?.rua).toBe('mailto:dmarc@example.test');
    expect(r.plan.senders).toEqual([
      'google-workspace',
      { id: 'other', include: 'include:spf.mailer.example' },
    ]);
    expect(r.plan.dkim?.selector).toBe('default');
    expect(r.plan).toMatchObject({
      vpsHost: 'hetzner',
      mailSoftware: 'postfix-opendkim',
      dnsHost: 'cloudflare',
    });
  });

  it('names the field and step of a private address, so the Server step shows it', () => {
    const r = draftToPlan({ ...base, ipv4: '192.168.1.20' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({ field: 'ipv4', step: 'server' });
    expect(r.problems[0]?.message).toContain('inside your home or office network');
  });

  it('asks for an address when none is given', () => {
    const r = draftToPlan({ domain: 'example.test' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => p.field)).toEqual(['ipv4']);
  });

  it('reports a bad domain once, in the words of the domain field', () => {
    const r = draftToPlan({ domain: 'co.uk', ipv4: '192.0.2.10' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({ field: 'domain', step: 'domain' });
    expect(r.problems[0]?.message).toContain('public ending');
  });

  it('reads a pasted opendkim record with quotes and parentheses into the plan key', () => {
    const r = draftToPlan({ ...base, dkimPaste: opendkimPaste });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.plan.dkim).toEqual({ selector: 'default', publicKey: spki, keyType: 'rsa' });
    const dkim = planRecords(r.plan).find((x) => x.key === 'dkim:default');
    expect(dkim?.name).toBe('default._domainkey.example.test');
    expect(dkim?.value).toBe(`v=DKIM1; k=rsa; p=${spki}`);
    expect(dkim?.incomplete).toBeUndefined();
  });

  it('says what is wrong with a paste that is not a DKIM record', () => {
    const r = draftToPlan({ ...base, dkimPaste: 'hello there' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems[0]).toMatchObject({ field: 'dkimPaste', step: 'dkim' });
    expect(r.problems[0]?.message).toContain('does not look like a DKIM record');
  });

  it('uses a generated key, and ignores the paste box while "generate" is chosen', () => {
    const r = draftToPlan({
      ...base,
      dkimSource: 'generate',
      dkimPaste: 'junk',
      dkimGenerated: {
        selector: 'mw1',
        keyType: 'rsa',
        publicKey: spki,
        record: `v=DKIM1; k=rsa; p=${spki}`,
        keyFile: '/home/u/.config/mailwright/p/mw1.private',
      },
    });
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.plan.dkim).toEqual({ selector: 'mw1', publicKey: spki, keyType: 'rsa' });
  });

  it('uses the paste, not an earlier generated key, for software that makes its own key', () => {
    const r = draftToPlan({
      ...base,
      mailSoftware: 'mailcow',
      dkimSource: 'generate',
      dkimGenerated: {
        selector: 'mw1',
        keyType: 'rsa',
        publicKey: spki,
        record: `v=DKIM1; k=rsa; p=${spki}`,
        keyFile: '/tmp/mw1.key',
      },
    });
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.plan.dkim).toEqual({ selector: 'dkim' });
  });

  describe('an Ed25519 key beside the generated RSA key', () => {
    const ed = generateKeyPairSync('ed25519')
      .publicKey.export({ type: 'spki', format: 'der' })
      .subarray(12)
      .toString('base64');
    const rsaKey = {
      selector: 'mw1',
      keyType: 'rsa' as const,
      publicKey: spki,
      record: `v=DKIM1; k=rsa; p=${spki}`,
      keyFile: '/tmp/p/example.test.mw1.key',
    };
    const edKey = {
      selector: 'mw1-ed25519',
      keyType: 'ed25519' as const,
      publicKey: ed,
      record: `v=DKIM1; k=ed25519; p=${ed}`,
      keyFile: '/tmp/p/example.test.mw1-ed25519.key',
    };
    const generated = { ...base, dkimSource: 'generate' as const, dkimGenerated: rsaKey };

    it('is published in addition to the RSA key, under its own selector', () => {
      const r = draftToPlan({ ...generated, dkimGeneratedEd25519: edKey });
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      expect(r.plan.dkim).toEqual({
        selector: 'mw1',
        publicKey: spki,
        keyType: 'rsa',
        additional: [{ selector: 'mw1-ed25519', publicKey: ed, keyType: 'ed25519' }],
      });
      const dkim = planRecords(r.plan).filter((x) => x.key.startsWith('dkim:'));
      expect(dkim.map((x) => [x.name, x.value])).toEqual([
        ['mw1._domainkey.example.test', `v=DKIM1; k=rsa; p=${spki}`],
        ['mw1-ed25519._domainkey.example.test', `v=DKIM1; k=ed25519; p=${ed}`],
      ]);
    });

    it('is left out while the RSA side is not complete, or when the paste is the source', () => {
      const noRsa = draftToPlan({ ...generated, dkimGenerated: null, dkimGeneratedEd25519: edKey });
      expect(noRsa.ok && noRsa.plan.dkim).toEqual({ selector: 'mail' });
      const pasted = draftToPlan({
        ...generated,
        dkimSource: 'paste',
        dkimPaste: opendkimPaste,
        dkimGeneratedEd25519: edKey,
      });
      expect(pasted.ok && pasted.plan.dkim?.additional).toBeUndefined();
      const own = draftToPlan({
        ...generated,
        mailSoftware: 'mailcow',
        dkimGeneratedEd25519: edKey,
      });
      expect(own.ok && own.plan.dkim?.additional).toBeUndefined();
    });

    it("is left out when it has the RSA key's selector (one name holds one key)", () => {
      const r = draftToPlan({
        ...generated,
        dkimGeneratedEd25519: { ...edKey, selector: 'mw1' },
      });
      expect(r.ok && r.plan.dkim?.additional).toBeUndefined();
    });

    it('names its own field and step when its key is damaged', () => {
      const r = draftToPlan({
        ...generated,
        dkimGeneratedEd25519: { ...edKey, publicKey: 'AAAA' },
      });
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect(r.problems).toContainEqual(
        expect.objectContaining({ field: 'dkimGeneratedEd25519', step: 'dkim' }),
      );
    });

    it('defaults to none in an older draft', () => {
      expect(fillDraft({ domain: 'example.test' }).dkimGeneratedEd25519).toBeNull();
    });
  });

  it('warns when the pasted record names another selector than the one typed', () => {
    const r = draftToPlan({ ...base, dkimPaste: opendkimPaste, dkimSelector: 's2026' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.plan.dkim?.selector).toBe('s2026');
    expect(r.warnings.find((w) => w.field === 'dkimSelector')?.message).toContain('"default"');
  });

  it('names a bad report address and an "other" sender without include', () => {
    const r = draftToPlan({ ...base, dmarcRua: 'not an address', senders: ['other'] });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => p.field).sort()).toEqual(['dmarcRua', 'otherSenderInclude']);
  });

  it('splits address lists', () => {
    expect(splitAddresses(' 192.0.2.1,192.0.2.2 ;\n192.0.2.3 ')).toEqual([
      '192.0.2.1',
      '192.0.2.2',
      '192.0.2.3',
    ]);
    expect(splitAddresses('  ')).toEqual([]);
  });
});
