import type { ProjectStore } from '../store/project-store';
import type { EventHub } from './event-hub';
import type { VerifyService } from '../verify/verify-service';

/** What every handler gets: the effects it may use. Tests build one on a temp folder. */
export interface ApiContext {
  version: string;
  transport: 'electron' | 'http';
  store: ProjectStore;
  events: EventHub;
  /** Runs verifications (verify.*, runs.*); absent: one is made on the store with real-world settings. */
  verify?: VerifyService;
}
