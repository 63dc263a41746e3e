import { describe, expect, it } from 'vitest';
import { ed25519SelectorFor } from '../../../shared/records/dkim-ed25519-selector';

// The contract's selector rule (shared/api/contract.ts, dkim.generate).
const CONTRACT = /^[a-z0-9]([a-z0-9._-]*[a-z0-9])?$/i;

describe('ed25519SelectorFor', () => {
  it('adds "-ed25519" to the RSA selector', () => {
    expect(ed25519SelectorFor('default')).toBe('default-ed25519');
    expect(ed25519SelectorFor(' MW2026 ')).toBe('mw2026-ed25519');
  });

  it('stays a valid selector of at most 63 characters, however long the RSA one', () => {
    for (const s of ['a'.repeat(63), `${'b'.repeat(54)}-x`, `${'c'.repeat(55)}.`, 's2026.mail']) {
      const out = ed25519SelectorFor(s);
      expect(out.length, s).toBeLessThanOrEqual(63);
      expect(out, s).toMatch(CONTRACT);
      expect(out.endsWith('-ed25519')).toBe(true);
    }
  });
});
