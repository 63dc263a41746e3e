import type { CheckId } from '../../../shared/checks/catalogue';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../shared/checks/finding';
import { runChanges } from '../../../renderer/src/verify/run-changes';
import { etaWords } from '../../../renderer/src/verify/eta-words';
import { viewAnswers, viewName } from '../../../renderer/src/verify/evidence-views';
import { findingHeading } from '../../../renderer/src/verify/finding-heading';

const f = (check: CheckId, subject: string, status: Finding['status']): Finding => ({
  check,
  subject,
  status,
  title: 't',
  detail: 'd',
});

describe('what changed between two runs', () => {
  it('names each check and subject whose status moved, in plain words', () => {
    const older = [
      f('spf.single', 'example.test', 'fail'),
      f('host.a', 'mail.example.test', 'pass'),
      f('ptr.present', '192.0.2.1', 'fail'),
      f('dkim.present', 'mail._domainkey.example.test', 'fail'),
    ];
    const newer = [
      f('spf.single', 'example.test', 'pass'),
      f('host.a', 'mail.example.test', 'pending'),
      f('ptr.present', '192.0.2.1', 'fail'),
      f('dmarc.present', '_dmarc.example.test', 'pass'),
    ];
    expect(runChanges(older, newer).map((c) => c.sentence)).toEqual([
      'Exactly one SPF record (example.test): was failing, now passes.',
      'The mail host points at the server (IPv4) (mail.example.test): was passing, is now waiting for DNS to update.',
      'The domain has a DMARC record (_dmarc.example.test): checked for the first time; passes.',
      'The DKIM key is published (mail._domainkey.example.test): not checked any more (it was failing).',
    ]);
  });

  it('says nothing when nothing moved', () => {
    const run = [f('spf.single', 'example.test', 'fail')];
    expect(runChanges(run, run)).toEqual([]);
  });
});

describe('pending ETA in words', () => {
  const now = Date.parse('2026-11-22T10:00:00Z');
  it('gives the wait in seconds, minutes or hours', () => {
    expect(etaWords('2026-11-22T10:00:03Z', now)).toMatch(/\(in about 3 seconds\)\.$/);
    expect(etaWords('2026-11-22T10:05:00Z', now)).toMatch(/\(in about 5 minutes\)\.$/);
    expect(etaWords('2026-11-22T13:00:00Z', now)).toMatch(/\(in about 3 hours\)\.$/);
    expect(etaWords('2026-11-22T09:59:00Z', now)).toMatch(/\(any moment now\)\.$/);
    expect(etaWords('not a time', now)).toBe('Should be visible everywhere soon.');
  });
});

describe('answers per view', () => {
  it('reads the lookups the checks record', () => {
    const evidence = {
      lookups: [
        {
          name: 'mail.example.test',
          type: 'A',
          answers: [
            {
              view: 'Your DNS host',
              outcome: 'answer',
              records: [{ type: 'A', address: '192.0.2.2' }],
            },
            { view: 'Resolver 127.0.0.1:53', outcome: 'nxdomain', records: [] },
          ],
        },
      ],
    };
    expect(viewAnswers(evidence)).toEqual([
      { question: 'A mail.example.test', view: 'Your DNS host', answer: '192.0.2.2' },
      {
        question: 'A mail.example.test',
        view: 'Resolver 127.0.0.1:53',
        answer: 'the name does not exist',
      },
    ]);
    expect(viewAnswers(undefined)).toEqual([]);
    expect(viewName('authoritative:ns1.example.test')).toBe('Your DNS host (ns1.example.test)');
    expect(viewName('resolver:127.0.0.1:5353')).toBe('Resolver 127.0.0.1:5353');
  });
});

describe('finding headings', () => {
  it('name the check when the title is generic', () => {
    const base = { subject: 'x', detail: 'd' };
    expect(
      findingHeading({
        ...base,
        check: 'dkim.syntax',
        status: 'info',
        title: 'Not checked: the DKIM key is not published',
      }),
    ).toBe('The DKIM record is written correctly (not checked: the DKIM key is not published)');
    expect(
      findingHeading({
        ...base,
        check: 'spf.single',
        status: 'unknown',
        title: 'Could not be checked',
      }),
    ).toBe('Exactly one SPF record: could not be checked');
    expect(
      findingHeading({ ...base, check: 'spf.single', status: 'pass', title: 'One SPF record' }),
    ).toBe('One SPF record');
  });
});
