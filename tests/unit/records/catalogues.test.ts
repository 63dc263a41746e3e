import { describe, expect, it } from 'vitest';
import {
  MAIL_SOFTWARE,
  MAIL_SOFTWARE_IDS,
  defaultSelectorFor,
} from '../../../shared/providers/mail-software';
import { SENDERS, SENDER_IDS, senderInclude } from '../../../shared/providers/senders';
import { spfDomainSpecProblem } from '../../../shared/records/spf-parse';

describe('senders catalogue', () => {
  it('has every sender the issue lists, each with a dated source', () => {
    expect(SENDER_IDS).toHaveLength(11);
    for (const id of SENDER_IDS) {
      const s = SENDERS[id];
      expect(s.id).toBe(id);
      expect(s.dkim.source.length).toBeGreaterThan(5);
      expect(s.dkim.checked).toMatch(/^\d{4}-\d{2}/);
      if (s.spfInclude) {
        expect(s.spfInclude.checked).toMatch(/^\d{4}-\d{2}/);
        if (s.spfInclude.certainty !== 'unknown')
          expect(spfDomainSpecProblem(s.spfInclude.value)).toBeNull();
      }
    }
  });

  it('gives the includes people are told to use', () => {
    expect(senderInclude('google-workspace')).toBe('_spf.google.com');
    expect(senderInclude('microsoft-365')).toBe('spf.protection.outlook.com');
    expect(senderInclude('amazon-ses')).toBe('amazonses.com');
    expect(senderInclude('sendiio-smtp')).toBe('spf.sendiiosmtp.com');
    expect(senderInclude({ id: 'other', include: 'include:spf.example-mailer.com' })).toBe(
      'spf.example-mailer.com',
    );
    expect(senderInclude('other')).toBeUndefined();
  });
});

describe('mail software catalogue', () => {
  it("proposes each program's selector", () => {
    expect(defaultSelectorFor('postfix-rspamd')).toBe('default');
    expect(defaultSelectorFor('postfix-opendkim')).toBe('default');
    expect(defaultSelectorFor('mailcow')).toBe('dkim');
    expect(defaultSelectorFor('mail-in-a-box')).toBe('mail');
    expect(defaultSelectorFor('velocity-mta')).toBe('mail');
    expect(defaultSelectorFor(undefined)).toBe('mail');
  });

  it('tells mailcow and Mail-in-a-Box users where their own key is shown', () => {
    for (const id of MAIL_SOFTWARE_IDS) {
      const m = MAIL_SOFTWARE[id];
      if (m.keySource === 'own-ui') expect(m.whereKeyIsShown?.value).toMatch(/DKIM|External DNS/);
    }
  });
});
