import { describe, expect, it } from 'vitest';
import { overallStatus } from '../../../main/export/overall-status';
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
    expect(s.detail).toContain('1 check could not run');
  });

  it('is ready to send when every check passed, and mentions suggestions', () => {
    expect(overallStatus(run('example.com', [pass])).headline).toBe('Ready to send');
    const warned = overallStatus(
      run('example.com', [pass, finding('dmarc.policy', 'example.com', 'warn', 'w', 'w', 'f')]),
    );
    expect(warned.headline).toBe('Ready to send');
    expect(warned.detail).toContain('1 suggestion');
  });
});
