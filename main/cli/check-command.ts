import { readFile } from 'node:fs/promises';
import { InvalidArgumentError, type Command } from 'commander';
import { loadPlan } from '../../shared/model/plan-load';
import type { VerifyOptions } from '../../shared/checks/verify-options';
import type { VerifyProgress } from '../../shared/checks/verify-progress';
import { parseServerAddress } from '../dns/server-address';
import { runVerification } from '../verify/run-verification';
import { exitStatus } from '../verify/check-document';
import { defaultProbeGroups } from '../verify/default-groups';
import { humanReport, useColour } from './check-human-output';

interface CheckFlags {
  plan: string;
  json?: boolean;
  resolver?: string[];
  nsPort?: number;
  /** Zones given with --dnsbl; false with --no-dnsbl; true (commander's default) otherwise. */
  dnsbl: string[] | boolean;
  smtpPort?: number;
  controlMx?: string;
  /** False with --no-smtp. */
  smtp: boolean;
  timeout?: number;
}

function port(flag: string) {
  return (v: string): number => {
    const n = Number(v);
    if (!/^\d+$/.test(v) || n < 1 || n > 65535)
      throw new InvalidArgumentError(`${flag}: "${v}" is not a port number (1-65535).`);
    return n;
  };
}

function resolverAddress(v: string, previous: string[] = []): string[] {
  try {
    parseServerAddress(v, 53);
  } catch (e) {
    throw new InvalidArgumentError(`--resolver: ${(e as Error).message}.`);
  }
  return [...previous, v];
}

function zone(v: string, previous: string[] | boolean): string[] {
  const z = v.replace(/^(domain|ip):/i, '');
  if (!/^([a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?\.)+[a-z0-9-]{2,63}\.?$/i.test(z)) {
    throw new InvalidArgumentError(
      `--dnsbl: "${v}" is not a DNS zone name (for example zen.spamhaus.org).`,
    );
  }
  return [...(Array.isArray(previous) ? previous : []), v];
}

function controlMx(v: string): string {
  if (v === 'none') return v;
  if (!/^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(:\d{1,5})?$/i.test(v)) {
    throw new InvalidArgumentError(`--control-mx: "${v}" is not HOST[:PORT] or "none".`);
  }
  return v;
}

function timeout(v: string): number {
  const n = Number(v);
  if (!/^\d+$/.test(v) || n < 50 || n > 120_000)
    throw new InvalidArgumentError(
      `--timeout: "${v}" is not a time in milliseconds (50 to 120000).`,
    );
  return n;
}

/** The progress line shown on a terminal while checks run. */
function progressLine(stream: NodeJS.WriteStream): {
  onProgress: (e: VerifyProgress) => void;
  clear: () => void;
} {
  let started = 0;
  let finished = 0;
  let last = '';
  const draw = (): void => {
    const text = `Checking… ${finished}/${Math.max(started, finished)} done${last ? `: ${last}` : ''}`;
    const width = (stream.columns ?? 80) - 1;
    stream.write(`\r\u001b[2K${text.slice(0, width)}`);
  };
  return {
    onProgress: (e) => {
      if (e.type === 'check-started') started += 1;
      else if (e.type === 'check-finished') {
        finished += 1;
        last = e.finding.check;
      } else last = e.message;
      draw();
    },
    clear: () => stream.write('\r\u001b[2K'),
  };
}

/**
 * `mailwright check --plan plan.json [--json]`: every check of CHECKS.md from this computer (or
 * the server). Exit status 0 no fail, 1 a fail, 2 bad input (the message names the field;
 * nothing is written), 3 nothing could be checked.
 */
export function registerCheckCommand(program: Command): void {
  program
    .command('check')
    .description(
      "Check a plan's DNS, reverse DNS, block lists and mail server, and say what to fix.",
    )
    .requiredOption('--plan <file>', 'the plan file (JSON, as the app saves it)')
    .option('--json', 'print only the JSON document of the results')
    .option(
      '--resolver <host[:port]>',
      'recursive resolver to use instead of the system and public ones (repeatable)',
      resolverAddress,
    )
    .option(
      '--ns-port <port>',
      'port used to ask the domain’s nameservers directly (default 53)',
      port('--ns-port'),
    )
    .option(
      '--dnsbl <zone>',
      'block list zone to use instead of the defaults; "domain:ZONE" for a domain list (repeatable)',
      zone,
    )
    .option('--no-dnsbl', 'skip the block lists')
    .option('--smtp-port <port>', 'SMTP port of the mail host (default 25)', port('--smtp-port'))
    .option(
      '--control-mx <host[:port]>',
      'well-known mail server used to tell whether this network blocks port 25; "none" skips it',
      controlMx,
    )
    .option('--no-smtp', 'skip the mail server checks')
    .option('--timeout <ms>', 'time limit of each network operation', timeout)
    .action(async (flags: CheckFlags) => {
      let text: string;
      try {
        text = await readFile(flags.plan, 'utf8');
      } catch (e) {
        process.stderr.write(
          `mailwright: --plan: cannot read ${flags.plan} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}).\n`,
        );
        process.exitCode = 2;
        return;
      }
      const loaded = loadPlan(text);
      if (!loaded.ok) {
        process.stderr.write(`mailwright: ${loaded.field}: ${loaded.message}\n`);
        process.exitCode = 2;
        return;
      }
      const options: VerifyOptions = {
        ...(flags.resolver ? { resolvers: flags.resolver } : {}),
        ...(flags.nsPort ? { nsPort: flags.nsPort } : {}),
        ...(Array.isArray(flags.dnsbl) ? { dnsblZones: flags.dnsbl } : {}),
        ...(flags.dnsbl === false ? { noDnsbl: true } : {}),
        ...(flags.smtpPort ? { smtpPort: flags.smtpPort } : {}),
        ...(flags.controlMx ? { controlMx: flags.controlMx } : {}),
        ...(flags.smtp === false ? { noSmtp: true } : {}),
        ...(flags.timeout ? { timeoutMs: flags.timeout } : {}),
      };
      const controller = new AbortController();
      const onSigint = (): void => controller.abort(new Error('cancelled by Ctrl+C'));
      process.once('SIGINT', onSigint);
      const live = !flags.json && process.stdout.isTTY ? progressLine(process.stdout) : undefined;
      try {
        const doc = await runVerification({
          plan: loaded.plan,
          options,
          signal: controller.signal,
          groups: await defaultProbeGroups(),
          ...(live ? { onProgress: live.onProgress } : {}),
        });
        live?.clear();
        process.stdout.write(
          flags.json
            ? `${JSON.stringify(doc, null, 2)}\n`
            : humanReport(doc, useColour(process.stdout)),
        );
        process.exitCode = exitStatus(doc);
      } finally {
        process.off('SIGINT', onSigint);
      }
    });
}
