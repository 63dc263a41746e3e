import type { Command } from 'commander';
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import { startHttpHost } from '../host/http-host';
import { ProjectStore } from '../store/project-store';
import { setPdfWorker } from '../export/pdf-off-loop';
import { defaultDataDir } from '../store/data-dir';
import { EventHub } from '../api/event-hub';
import { VERSION } from './version';
import { VerifyService } from '../verify/verify-service';
import { addNetworkOptions, verifyOptionsFromFlags, type NetworkFlags } from './network-options';

/** Where the built renderer is, relative to the bundled CLI (dist/cli/*.js → dist/renderer). */
export function rendererDir(): string {
  return join(dirname(fileURLToPath(import.meta.url)), '..', 'renderer');
}

/** `mailwright serve`: the app in your browser, on 127.0.0.1 only, behind a per-run token. */
export function registerServeCommand(program: Command): void {
  const command = program
    .command('serve')
    .description(
      'Open Mailwright in your web browser (listens on 127.0.0.1 only). The network options are the defaults for the checks the app runs.',
    )
    .option('--port <n>', 'port to listen on (default: any free port)', parsePort)
    .option('--no-open', 'do not open the browser; just print the address');
  addNetworkOptions(command).action(
    async (opts: { port?: number; open: boolean } & NetworkFlags) => {
      const dir = rendererDir();
      if (!existsSync(join(dir, 'index.html'))) {
        throw new Error(
          `the app's pages are not built (${dir} is missing). Run \`npm run build\` first.`,
        );
      }
      const dataDir = (program.opts() as { data?: string }).data ?? defaultDataDir();
      const options = verifyOptionsFromFlags(opts);
      const store = new ProjectStore(dataDir);
      // export.pdf lays out in a worker thread (dist/cli/pdf-worker.js, beside this chunk).
      setPdfWorker(new URL('./pdf-worker.js', import.meta.url));
      // Temp files of saves a crash interrupted (never those of a save another process is making).
      await store.removeInterruptedSaves();
      const host = await startHttpHost({
        ctx: {
          version: VERSION,
          transport: 'http',
          store,
          events: new EventHub(),
          // The app's checks and its wizard lookups use the same overrides as `check` would.
          verify: new VerifyService(store, { options }),
          dns: {
            resolvers: options.resolvers,
            nsPort: options.nsPort,
            timeoutMs: options.timeoutMs,
          },
        },
        rendererDir: dir,
        port: opts.port ?? 0,
      });
      process.stdout.write(
        `Mailwright is running at:\n\n  ${host.url}\n\nThis address works only on this computer and carries a one-time access key.\nProjects are saved in ${dataDir}\nPress Ctrl+C to stop.\n`,
      );
      if (opts.open) openBrowser(host.url);
      const stop = () => {
        void host.close().then(() => process.exit(0));
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    },
  );
}

function parsePort(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0 || n > 65535)
    throw new Error(`--port: "${v}" is not a port number (0-65535).`);
  return n;
}

function openBrowser(url: string): void {
  const cmd =
    process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'cmd' : 'xdg-open';
  const args = process.platform === 'win32' ? ['/c', 'start', '', url] : [url];
  const child = spawn(cmd, args, { stdio: 'ignore', detached: true });
  child.on('error', () =>
    process.stdout.write('(Could not open a browser: open the address above yourself.)\n'),
  );
  child.unref();
}
