/**
 * The fixed choices a plan offers, as plain values. They live apart from the plan's schema
 * (plan.ts) so the renderer can list them without loading the schema library.
 */

/** Whether this server only sends, or also receives the domain's mail (decides MX). */
export const MODES = ['send-receive', 'send-only'] as const;
/** See MODES. */
export type Mode = (typeof MODES)[number];

/** DMARC policies, weakest first. */
export const DMARC_POLICIES = ['none', 'quarantine', 'reject'] as const;
