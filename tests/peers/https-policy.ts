import { createServer, type Server } from 'node:https';
import { getFreePort } from './ports';

/** What the server answers for the policy path. */
export interface PolicyResponse {
  status: number;
  headers?: Record<string, string>;
  body?: string;
}

/** A running HTTPS server for mta-sts.<domain> on 127.0.0.1. */
export interface HttpsPolicyPeer {
  port: number;
  /** Answer every request with this from now on. */
  respond(response: PolicyResponse): void;
  /** Present another certificate from now on (e.g. one for the wrong name). */
  useCertificate(cert: { certPem: string; keyPem: string }): void;
  /** Paths asked so far (to show no redirect was followed). */
  requests(): string[];
  stop(): Promise<void>;
}

/** Start Node's HTTPS server on loopback with `cert`, answering the MTA-STS policy path. */
export async function startHttpsPolicy(cert: {
  certPem: string;
  keyPem: string;
}): Promise<HttpsPolicyPeer> {
  const port = await getFreePort();
  let response: PolicyResponse = { status: 404, body: 'not found' };
  const asked: string[] = [];
  const server: Server = createServer({ cert: cert.certPem, key: cert.keyPem }, (req, res) => {
    asked.push(`${req.headers.host ?? ''}${req.url ?? ''}`);
    res.writeHead(response.status, response.headers ?? {});
    res.end(response.body ?? '');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return {
    port,
    respond: (r) => {
      response = r;
    },
    useCertificate: (c) => server.setSecureContext({ cert: c.certPem, key: c.keyPem }),
    requests: () => [...asked],
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
