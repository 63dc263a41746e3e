import type { ProjectStore } from '../store/project-store';
import type { EventHub } from './event-hub';
import type { VerifyService } from '../verify/verify-service';
import type { ViewsOptions } from '../dns/views';

/** What every handler gets: the effects it may use. Tests build one on a temp folder. */
export interface ApiContext {
  version: string;
  transport: 'electron' | 'http';
  store: ProjectStore;
  events: EventHub;
  /** Runs verifications (verify.*, runs.*); absent: one is made on the store with real-world settings. */
  verify?: VerifyService;
  /**
   * DNS settings for the wizard's own lookups (dns.detectHost, dns.published, dns.addresses):
   * resolvers, nameserver port and DoH endpoints instead of the real-world defaults, e.g.
   * loopback peers in tests.
   */
  dns?: WizardDnsSettings;
}

/** The DNS settings the wizard's look-ups take (a part of the run's ViewsOptions). */
export type WizardDnsSettings = Pick<ViewsOptions, 'resolvers' | 'nsPort' | 'timeoutMs' | 'doh'>;
