import { describe, expect, it } from 'vitest';
import { foldAlikeUnknowns } from '../../../shared/summary/alike-unknowns';

const unknown = (subject: string, fix = 'Check that this computer is online.') => ({
  status: 'unknown',
  title: 'Could not be checked',
  fix,
  subject,
});

describe('checks that could not run for one reason', () => {
  it('fold into the first of them, naming every one, and keep the order of the rest', () => {
    const fail = { status: 'fail', title: 'No SPF record', fix: 'Add it.', subject: 'a.test' };
    const folded = foldAlikeUnknowns([
      fail,
      unknown('x.a.test'),
      unknown('y.a.test'),
      unknown('z.a.test', 'Add a Spamhaus DQS key.'),
      unknown('w.a.test'),
    ]);
    expect(folded.map((f) => f.finding.subject)).toEqual(['a.test', 'x.a.test', 'z.a.test']);
    expect(folded[1]!.alike.map((f) => f.subject)).toEqual(['y.a.test', 'w.a.test']);
    expect(folded[2]!.alike).toEqual([]);
  });

  it('never fold problems that are not unknown, even when they read the same', () => {
    const fail = { status: 'fail', title: 'Wrong value', fix: 'Edit it.', subject: 'a.test' };
    expect(foldAlikeUnknowns([fail, { ...fail, subject: 'b.test' }])).toHaveLength(2);
  });
});
