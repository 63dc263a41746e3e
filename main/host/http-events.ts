import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApiContext } from '../api/context';

/** The open event streams of browser mode (Server-Sent Events), fed from the app's events. */
export interface EventStreams {
  /** Open one stream on this response (`GET /api/events`); it ends when the client leaves. */
  open(req: IncomingMessage, res: ServerResponse): void;
  /** Stop listening and end every stream. */
  close(): void;
}

/** Streams every event of `ctx` to every open stream; a ping every 20 s keeps proxies from closing it. */
export function eventStreams(ctx: ApiContext): EventStreams {
  const open = new Set<ServerResponse>();
  const unsubscribe = ctx.events.subscribe((name, payload) => {
    const frame = `event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`;
    for (const res of open) res.write(frame);
  });
  return {
    open: (req, res) => {
      res.writeHead(200, {
        'content-type': 'text/event-stream',
        'cache-control': 'no-store',
        connection: 'keep-alive',
        'x-content-type-options': 'nosniff',
      });
      res.write(': connected\n\n');
      open.add(res);
      const ping = setInterval(() => res.write(': ping\n\n'), 20_000);
      req.on('close', () => {
        clearInterval(ping);
        open.delete(res);
      });
    },
    close: () => {
      unsubscribe();
      for (const res of open) res.end();
    },
  };
}
