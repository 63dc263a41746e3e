import { describe, expect, it } from 'vitest';
import { validatePlan } from '../../../shared/model/plan-validate';
import { MAX_ADDRESSES_PER_FAMILY } from '../../../shared/model/plan-check';

const base = { domain: 'example.com', mailHost: 'mail.example.com' };

describe('addresses per family', () => {
  it('refuses 100,000 duplicate addresses at once, naming the field and the limit', () => {
    const started = process.hrtime.bigint();
    const r = validatePlan({ ...base, ipv4: Array(100_000).fill('203.0.113.10') });
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.field).toBe('ipv4');
      expect(r.message).toBe(
        `lists 100000 addresses; a plan takes at most ${MAX_ADDRESSES_PER_FAMILY} per family (a mail server usually has one). Keep only the addresses your mail server sends from.`,
      );
      expect(r.errors).toHaveLength(1);
    }
    // Not a timing assertion on the machine: the list is refused before any address is parsed,
    // so even a slow shared runner stays far below the 3.6 s the old code took.
    expect(ms).toBeLessThan(2000);
  });

  it('dedupes a list within the limit and says which were listed twice', () => {
    const r = validatePlan({
      ...base,
      ipv4: ['203.0.113.10', '203.0.113.10', '203.0.113.11'],
      ipv6: Array(MAX_ADDRESSES_PER_FAMILY).fill('2001:db8::1'),
    });
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.plan.ipv4).toEqual(['203.0.113.10', '203.0.113.11']);
      expect(r.plan.ipv6).toEqual(['2001:db8::1']);
      expect(r.warnings.filter((w) => /listed twice/.test(w.message))).toHaveLength(
        1 + MAX_ADDRESSES_PER_FAMILY - 1,
      );
    }
  });
});
