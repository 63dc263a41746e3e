import { describe, expect, it } from 'vitest';
import { DRAFT_DEFAULTS, withDraftDefaults } from '../../../shared/model/draft-defaults';
import { fillDraft } from './draft-fill';
import { draftSchema } from '../../../shared/model/project';

describe('draft defaults without the schema library (the renderer fills drafts this way)', () => {
  it('has a default for every field of the draft schema, the same the schema applies', () => {
    expect(Object.keys(DRAFT_DEFAULTS).sort()).toEqual(Object.keys(draftSchema.shape).sort());
    expect(withDraftDefaults({})).toEqual(draftSchema.parse({}));
  });

  it('fills a checked draft exactly as the schema does, keeping what was typed', () => {
    const drafts = [
      { domain: 'example.test', mailHostLabel: 'mail' },
      {
        domain: 'example.test',
        ipv4: '192.0.2.10',
        mode: 'send-only' as const,
        senders: ['other'],
      },
      { domain: 'x.test', dmarcPolicy: 'reject' as const, newerField: { kept: true } },
    ];
    for (const d of drafts) expect(withDraftDefaults(d)).toEqual(fillDraft(d));
  });

  it('gives a field left undefined its default, and each draft a list of its own', () => {
    const a = withDraftDefaults({ domain: 'example.test', dkimGenerated: undefined });
    const b = withDraftDefaults({});
    expect(a.dkimGenerated).toBeNull();
    a.senders.push('sendgrid');
    expect(b.senders).toEqual([]);
    expect(DRAFT_DEFAULTS.senders).toEqual([]);
  });
});
