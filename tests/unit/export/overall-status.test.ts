import { describe, expect, it } from 'vitest';
import {
  overallStatus,
  PDF_FINDINGS_PLACE,
  statusWords,
} from '../../../shared/summary/overall-status';
import { finding, run } from './summary-fixtures';

const pass = finding('spf.all', 'example.com', 'pass', 'ok', 'ok');
const fail = (n: number) =>
  Array.from({ length: n }, (_, i) =>
    finding('spf.single', `s${i}`, 'fail', 'bad', 'bad', 'fix it'),
  );

describe('overall status in words', () => {
  it('says "Not verified yet" without a run', () => {
    expect(overallStatus(undefined).headline).toBe('Not verified yet');
  });

  it('counts the things to fix, in the singular and plural', () => {
    expect(overallStatus(run('example.com', [pass, ...fail(3)])).headline).toBe('3 things to fix');
    expect(overallStatus(run('example.com', [pass, ...fail(1)])).headline).toBe('1 thing to fix');
  });

  it('waits for DNS when nothing fails but records are pending', () => {
    const s = overallStatus(
      run('example.com', [
        pass,
        finding('propagation', 'example.com', 'pending', 'p', 'p', 'wait'),
      ]),
    );
    expect(s.headline).toBe('Waiting for DNS to update');
  });

  it('is not "ready" when some checks could not run', () => {
    const s = overallStatus(
      run('example.com', [pass, finding('smtp.network', 'x', 'unknown', 'u', 'u', 'run it')]),
    );
    expect(s.headline).toBe('Not fully verified');
    expect(s.parts).toContainEqual({ kind: 'see-why' });
    expect(statusWords(s, PDF_FINDINGS_PLACE)).toContain('1 check could not run');
  });

  const smtp = finding('smtp.starttls', 'mail.example.com', 'pass', 'ok', 'ok');
  const dnsbl = finding('dnsbl.ip', '192.0.2.10', 'pass', 'ok', 'ok');

  it('is ready to send when every check passed, and mentions suggestions', () => {
    expect(overallStatus(run('example.com', [pass, smtp, dnsbl])).headline).toBe('Ready to send');
    const warned = overallStatus(
      run('example.com', [
        pass,
        smtp,
        dnsbl,
        finding('dmarc.policy', 'example.com', 'warn', 'w', 'w', 'f'),
      ]),
    );
    expect(warned.headline).toBe('Ready to send');
    expect(warned.parts).toContainEqual({ kind: 'suggestions', count: 1 });
  });

  it('when ready, says the mail server was checked through a tunnel, without the CLI option', () => {
    const through = {
      ...finding('smtp.reachable', '192.0.2.10', 'info', 'Not checked from the internet', 'i'),
      evidence: { checkedThrough: { address: '127.0.0.1', port: 2525, option: '--smtp-address' } },
    };
    const s = overallStatus(run('example.com', [pass, smtp, dnsbl, through]));
    expect(s.headline).toBe('Ready to send');
    expect(s.parts).toContainEqual({ kind: 'checked-through', address: '127.0.0.1', port: 2525 });
    const words = statusWords(s, PDF_FINDINGS_PLACE);
    expect(words).toContain('127.0.0.1:2525');
    expect(words).toContain('port 25 was not checked');
    expect(words).not.toContain('--smtp-address');
  });

  it('is not "ready" when the mail server or the block lists were not checked at all', () => {
    const dnsOnly = overallStatus(run('example.com', [pass]));
    expect(dnsOnly.headline).toBe('Not fully verified');
    const dnsOnlyWords = statusWords(dnsOnly, PDF_FINDINGS_PLACE);
    expect(dnsOnlyWords).toContain('the mail server itself');
    expect(dnsOnlyWords).toContain('the block lists');
    const noLists = overallStatus(run('example.com', [pass, smtp]));
    const noListsWords = statusWords(noLists, PDF_FINDINGS_PLACE);
    expect(noListsWords).toContain('the block lists');
    expect(noListsWords).not.toContain('the mail server itself');
  });

  it('points the PDF reader to its Findings section in words', () => {
    const s = overallStatus(run('example.com', [pass, ...fail(2)]));
    expect(s.parts).toContainEqual({ kind: 'each-listed' });
    expect(statusWords(s, PDF_FINDINGS_PLACE)).toContain('under Findings');
  });

  it('asks for a check in the app, not on the command line, before any run', () => {
    expect(statusWords(overallStatus(undefined), PDF_FINDINGS_PLACE)).not.toMatch(
      /mailwright check|`/,
    );
  });
});
