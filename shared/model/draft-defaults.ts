import type { Draft } from './project';

/**
 * The value of every draft field nobody has filled in yet, as plain values: the draft's schema
 * (project.ts) takes its defaults from here, and the renderer fills a draft with them without
 * loading the schema library.
 */
export const DRAFT_DEFAULTS = {
  domain: '',
  mailHostLabel: 'mail',
  ipv4: '',
  ipv6: '',
  // Not chosen: draftToPlan applies "send-receive" only when no one else receives the mail.
  mode: '',
  vpsHost: '',
  mailSoftware: '',
  dnsHost: '',
  senders: [],
  otherSenderInclude: '',
  dkimSource: 'paste',
  dkimSelector: '',
  dkimPaste: '',
  dkimGenerated: null,
  dkimGeneratedEd25519: null,
  dmarcRua: '',
  dmarcPolicy: 'none',
  sendingPurpose: '',
  sendingAudience: '',
  sendingVolume: '',
  sshUser: '',
  published: null,
  security: null,
} as const;

/** A draft with every field present (defaults filled in). */
export type FilledDraft = Required<Draft>;

/**
 * Fill in the fields a typed draft lacks. Its values are trusted to be of the right form (main
 * checks every draft against the schema, with its defaults, before it is saved or sent).
 */
export function withDraftDefaults(draft: Partial<Draft>): FilledDraft {
  const out: Record<string, unknown> = { ...draft };
  for (const [key, value] of Object.entries(DRAFT_DEFAULTS)) {
    // A fresh list each time: a draft never shares a mutable default with another.
    if (out[key] === undefined) out[key] = Array.isArray(value) ? [...value] : value;
  }
  return out as FilledDraft;
}
