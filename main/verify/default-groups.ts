import { checksOfGroup } from '../../shared/checks/catalogue';
import type { ProbeGroup } from './probe-group';

/**
 * The probe groups every run has beside the DNS ones: SMTP and secure delivery (MTA-STS, TLS-RPT,
 * DNSSEC, DANE, CAA), which reads the certificate the SMTP group saw. Their code is loaded when
 * the groups run, so the first DNS query leaves before the SMTP code (and TLS) is even read.
 */
export async function defaultProbeGroups(): Promise<ProbeGroup[]> {
  let loading: Promise<{ smtp: ProbeGroup; secure: ProbeGroup }> | undefined;
  const load = () =>
    (loading ??= Promise.all([
      import('../probes/smtp/smtp-group'),
      import('../secure/secure-group'),
      import('../secure/smtp-sightings'),
    ]).then(([smtp, secure, sightings]) => {
      const shared = new sightings.SmtpSightings();
      return {
        smtp: smtp.createSmtpGroup({ sightings: shared }),
        secure: secure.createSecureGroup({ sightings: shared }),
      };
    }));
  const smtp: ProbeGroup = {
    id: 'smtp',
    checks: checksOfGroup('smtp'),
    enabled: (options) => !options.noSmtp,
    run: async (ctx) => (await load()).smtp.run(ctx),
  };
  const secure: ProbeGroup = {
    id: 'secure',
    checks: checksOfGroup('secure'),
    run: async (ctx) => (await load()).secure.run(ctx),
  };
  return [smtp, secure];
}
