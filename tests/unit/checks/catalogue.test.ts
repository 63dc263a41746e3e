import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CHECKS, CHECK_GROUPS, checkInfo, checksOfGroup } from '../../../shared/checks/catalogue';
import { STEP_IDS } from '../../../shared/model/steps';

// The catalogue of record is docs/CHECKS.md ("## The catalogue"): its ids, in order, are read from
// there so a check added in code but not in the docs (or the other way round) fails here.
// They are an API: never renamed or reused.
const CHECKS_MD = readFileSync(
  fileURLToPath(new URL('../../../docs/CHECKS.md', import.meta.url)),
  'utf8',
);
const catalogueSection = CHECKS_MD.slice(
  CHECKS_MD.indexOf('## The catalogue'),
  CHECKS_MD.indexOf('\n## ', CHECKS_MD.indexOf('## The catalogue') + 1),
);
const CHECKS_MD_IDS = [...catalogueSection.matchAll(/^- `([a-z0-9.-]+)`/gm)].map((m) => m[1]);

describe('the check catalogue', () => {
  it('has exactly the ids of docs/CHECKS.md, in its order, each once', () => {
    expect(CHECKS_MD_IDS.length).toBeGreaterThan(40);
    expect(CHECKS.map((c) => c.id)).toEqual(CHECKS_MD_IDS);
  });

  it('puts every check in a known group and a wizard step, with a plain title', () => {
    const groups = new Set<string>(CHECK_GROUPS.map((g) => g.id));
    for (const c of CHECKS) {
      expect(groups.has(c.group), c.id).toBe(true);
      expect(STEP_IDS, c.id).toContain(c.step);
      expect(c.title.length, c.id).toBeGreaterThan(5);
      expect(c.title, c.id).not.toMatch(/[_.]/);
    }
  });

  it('answers lookups by id and by group', () => {
    expect(checkInfo('spf.single')?.group).toBe('spf');
    expect(checkInfo('nope')).toBeUndefined();
    expect(checksOfGroup('ptr')).toEqual(['ptr.present', 'ptr.matches', 'ptr.fcrdns']);
  });
});
