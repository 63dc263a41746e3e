import { dispatch } from '../../../../main/api/dispatch';
import { EventHub } from '../../../../main/api/event-hub';
import { ProjectStore } from '../../../../main/store/project-store';
import { VerifyService } from '../../../../main/verify/verify-service';
import type { ApiContext } from '../../../../main/api/context';
import type { Result } from '../../../../shared/api/result';

/**
 * The app's API on a data folder, as browser mode builds it, with checks that need no network
 * (resolvers on a closed loopback port: every finding is `unknown`, fast) — these scripts test
 * what is stored, not what is checked.
 */
export function storeContext(dataDir: string): ApiContext {
  const store = new ProjectStore(dataDir);
  return {
    version: 'test',
    transport: 'http',
    store,
    events: new EventHub(),
    verify: new VerifyService(store, {
      options: {
        resolvers: ['127.0.0.1:9'],
        nsPort: 9,
        noDnsbl: true,
        noSmtp: true,
        controlMx: 'none',
        timeoutMs: 300,
      },
      groups: async () => [],
    }),
  };
}

/** A plan for verify.run. */
export const PLAN = {
  domain: 'example.com',
  mailHost: 'mail.example.com',
  ipv4: ['203.0.113.10'],
  ipv6: [],
  mode: 'send-receive' as const,
  senders: [],
  dmarc: { policy: 'none' as const },
};

/** Call the API as a transport would. */
export function call(ctx: ApiContext, name: string, payload: unknown): Promise<Result<unknown>> {
  return dispatch(name, payload, ctx);
}
