/** The wizard's steps, in order. Route paths and the saved "current step" use these ids. */
export const STEPS = [
  { id: 'projects', title: 'Projects' },
  { id: 'domain', title: 'Domain & mail host' },
  { id: 'server', title: 'Server' },
  { id: 'dns-host', title: 'DNS host' },
  { id: 'records', title: 'Records' },
  { id: 'dkim', title: 'DKIM' },
  { id: 'reverse-dns', title: 'Reverse DNS' },
  { id: 'secure', title: 'Secure delivery' },
  { id: 'verify', title: 'Verify' },
  { id: 'message-test', title: 'Test message' },
  { id: 'summary', title: 'Summary' },
] as const;

/** One step id. */
export type StepId = (typeof STEPS)[number]['id'];

/** All step ids, for schemas. */
export const STEP_IDS = STEPS.map((s) => s.id) as [StepId, ...StepId[]];
