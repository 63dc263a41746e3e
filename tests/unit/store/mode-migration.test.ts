import { describe, expect, it } from 'vitest';
import { parseProjectFile, serializeProjectFile } from '../../../main/store/project-file';
import { draftToPlan } from '../../../shared/model/draft-to-plan';

// A draft saved before the mode choice existed carries "send-receive" whether or not the user
// chose it. Read today, it must not silently replace Google's MX: the user is asked.
const googleToday = {
  domain: 'bakery.test',
  mailHost: 'mail.bakery.test',
  spf: ['v=spf1 include:_spf.google.com ~all'],
  dmarc: [],
  mx: [{ preference: 1, exchange: 'smtp.google.com' }],
  mailHostSpf: [],
  problems: [],
  checkedAt: '2026-01-01T00:00:00.000Z',
};
const v1 = (draft: Record<string, unknown>) =>
  JSON.stringify({
    schemaVersion: 1,
    project: {
      id: 'abcdef12',
      name: 'Bakery',
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
      step: 'records',
      draft: { domain: 'bakery.test', mailHostLabel: 'mail', ipv4: '192.0.2.10', ...draft },
    },
  });

describe('reading a draft saved before the mode choice', () => {
  it('asks for the mode when another provider receives the mail today', () => {
    const project = parseProjectFile(v1({ mode: 'send-receive', published: googleToday }));
    expect(project.draft.mode).toBe('');
    const derived = draftToPlan(project.draft);
    if (derived.ok) throw new Error('the plan should wait for the mode');
    const mode = derived.problems.find((p) => p.field === 'mode');
    expect(mode?.message).toContain('smtp.google.com');
  });

  it('changes nothing for the plan when nobody else receives the mail', () => {
    const project = parseProjectFile(v1({ mode: 'send-receive' }));
    const derived = draftToPlan(project.draft);
    expect(derived.ok && derived.plan.mode).toBe('send-receive');
  });

  it('keeps "send only", and a choice saved by this version', () => {
    expect(parseProjectFile(v1({ mode: 'send-only', published: googleToday })).draft.mode).toBe(
      'send-only',
    );
    const chosen = parseProjectFile(v1({ mode: 'send-receive', published: googleToday }));
    const saved = serializeProjectFile({
      ...chosen,
      draft: { ...chosen.draft, mode: 'send-receive' },
    });
    expect(parseProjectFile(saved).draft.mode).toBe('send-receive');
  });
});
