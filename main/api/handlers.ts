import type { CallName, CallRequestParsed, CallResponse } from '../../shared/api/contract';
import type { ApiContext } from './context';
import { ApiError } from '../../shared/api/result';
import { detectHostOfDomain } from './dns-host-lookup';
import { lookUpPublished } from './published-records';
import { lookUpAddresses } from './name-addresses';
import { generateProjectDkimKey } from './dkim-generate';
import { projectDkimKeyFile } from './dkim-key-file';
import { VerifyService } from '../verify/verify-service';
import { exportJson, exportZone } from '../export/export-api';
import { exportPdfOffLoop } from '../export/pdf-off-loop';
import { checkProjectMessage } from '../message/message-api';
import { loadMessageResult } from '../message/message-store';

const services = new WeakMap<ApiContext, VerifyService>();
/** The context's verify service, made once per context when it has none. */
function verifyOf(ctx: ApiContext): VerifyService {
  if (ctx.verify) return ctx.verify;
  let s = services.get(ctx);
  if (!s) services.set(ctx, (s = new VerifyService(ctx.store)));
  return s;
}

/** A handler for one call: gets the validated request, returns the response. */
export type Handler<K extends CallName> = (
  req: CallRequestParsed<K>,
  ctx: ApiContext,
) => Promise<CallResponse<K>>;

/** The handlers of every call in the contract; the type makes a missing one a compile error. */
export type Handlers = { [K in CallName]: Handler<K> };

/** Every call's implementation. */
export const handlers: Handlers = {
  'app.info': async (_req, ctx) => ({
    version: ctx.version,
    transport: ctx.transport,
    dataDir: ctx.store.dataDir,
  }),
  'projects.list': async (_req, ctx) => ctx.store.list(),
  'projects.get': async ({ id }, ctx) => ctx.store.get(id),
  'projects.create': async ({ name }, ctx) => {
    const p = await ctx.store.create(name);
    ctx.events.emit('projects.changed', { id: p.id, change: 'saved' });
    return p;
  },
  'projects.save': async ({ project }, ctx) => {
    const p = await ctx.store.save(project);
    ctx.events.emit('projects.changed', { id: p.id, change: 'saved' });
    return p;
  },
  'projects.rename': async ({ id, name }, ctx) => {
    const p = await ctx.store.rename(id, name);
    ctx.events.emit('projects.changed', { id: p.id, change: 'saved' });
    return p;
  },
  'projects.duplicate': async ({ id }, ctx) => {
    const p = await ctx.store.duplicate(id);
    ctx.events.emit('projects.changed', { id: p.id, change: 'saved' });
    return p;
  },
  'projects.delete': async ({ id }, ctx) => {
    await ctx.store.delete(id);
    ctx.events.emit('projects.changed', { id, change: 'deleted' });
    return { deleted: true as const };
  },
  'dns.detectHost': async ({ domain }, ctx) => detectHostOfDomain(domain, ctx.dns),
  'dns.published': async ({ domain, mailHost }, ctx) => lookUpPublished(domain, mailHost, ctx.dns),
  'dns.addresses': async ({ name }, ctx) => lookUpAddresses(name, ctx.dns),
  'dkim.generate': async (req, ctx) => generateProjectDkimKey(req, ctx.store),
  'dkim.keyFile': async (req, ctx) => projectDkimKeyFile(req, ctx),
  'verify.run': async (req, ctx) =>
    verifyOf(ctx).run(req, (runId, progress) =>
      ctx.events.emit('verify.progress', { runId, progress }),
    ),
  'verify.cancel': async ({ runId }, ctx) => ({ cancelled: verifyOf(ctx).cancel(runId) }),
  'runs.list': async ({ projectId }, ctx) => ({
    runs: await verifyOf(ctx).history().list(projectId),
  }),
  'runs.get': async ({ projectId, runId }, ctx) => verifyOf(ctx).history().get(projectId, runId),
  'message.check': async (req, ctx) => checkProjectMessage(req, ctx.store, verifyOf(ctx)),
  'message.last': async ({ projectId }, ctx) => loadMessageResult(ctx.store, projectId),
  // Seconds of layout for a large run: done in a worker so other calls are answered meanwhile.
  'export.pdf': async (req) => exportPdfOffLoop(req),
  'export.zone': async (req) => exportZone(req),
  'export.json': async (req) => exportJson(req),
  'app.notify': async (req, ctx) => {
    if (ctx.transport === 'http') {
      throw new ApiError(
        'not-in-browser',
        "The desktop app shows its own notifications; in the browser, use the browser's.",
      );
    }
    // Loaded only inside Electron, like the save dialog.
    const { showDesktopNotification } = await import('../electron/desktop-notification');
    return showDesktopNotification(req);
  },
  'export.save': async (req, ctx) => {
    if (ctx.transport === 'http') {
      throw new ApiError(
        'not-in-browser',
        'Saving through a dialog works only in the desktop app. In the browser the file is downloaded instead.',
      );
    }
    // A key must never leave through an export, whatever the renderer sends.
    if (Buffer.from(req.base64, 'base64').includes('PRIVATE KEY')) {
      throw new ApiError(
        'private-key',
        'This file holds a private key, so Mailwright will not save it here.',
      );
    }
    // Loaded only inside Electron: the CLI and browser mode never touch its dialog module.
    const { saveWithDialog } = await import('../electron/save-dialog');
    return saveWithDialog(req);
  },
};
