/**
 * Project file version 1 → 2: a draft's "Send and receive" may be the silent default of the
 * versions before the mode choice existed, not the user's choice, and a plan built on it
 * replaces the MX of whoever receives the domain's mail today (Google, Microsoft...). Version 1
 * cannot tell the two apart, so the mode is cleared: where nobody else receives the mail the plan
 * is unchanged (send and receive is then what applies), and where someone does, the Domain step
 * asks, with the consequence shown, instead of moving the user's mail away silently.
 * "Send only" never replaces anything, so it stays.
 */
export function forgetUnchosenMode(project: Record<string, unknown>): Record<string, unknown> {
  const draft = project.draft;
  if (!draft || typeof draft !== 'object' || Array.isArray(draft)) return project;
  const d = draft as Record<string, unknown>;
  if (d.mode !== 'send-receive') return project;
  return { ...project, draft: { ...d, mode: '' } };
}
