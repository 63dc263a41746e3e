import type { ProbeGroup } from './probe-group';

/**
 * The probe groups every run has beside the DNS ones: SMTP. Loaded on demand so the CLI sends
 * its first DNS query before the SMTP code is even read.
 */
export async function defaultProbeGroups(): Promise<ProbeGroup[]> {
  const { smtpProbeGroup } = await import('../probes/smtp/smtp-group');
  return [smtpProbeGroup];
}
