import { checksOfGroup } from '../../shared/checks/catalogue';
import type { ProbeGroup } from './probe-group';

/**
 * The probe groups every run has beside the DNS ones: SMTP. Its code is loaded when the group
 * runs, so the first DNS query leaves before the SMTP code (and TLS) is even read.
 */
export async function defaultProbeGroups(): Promise<ProbeGroup[]> {
  const smtp: ProbeGroup = {
    id: 'smtp',
    checks: checksOfGroup('smtp'),
    enabled: (options) => !options.noSmtp,
    run: async (ctx) => {
      const { smtpProbeGroup } = await import('../probes/smtp/smtp-group');
      if (smtpProbeGroup.enabled?.(ctx.options) ?? true) await smtpProbeGroup.run(ctx);
    },
  };
  return [smtp];
}
