import { InvalidArgumentError, type Command } from 'commander';
import type { VerifyOptions } from '../../shared/checks/verify-options';
import { parseServerAddress } from '../dns/server-address';

/**
 * The network flags of CHECKS.md, shared by `check`, `export` and `serve` so each parses them
 * the same way and says the same thing about a bad value (commander turns a parser's
 * InvalidArgumentError into exit status 2).
 */
export interface NetworkFlags {
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

/** Add the network flags to a command. */
export function addNetworkOptions(command: Command): Command {
  return command
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
    .option('--timeout <ms>', 'time limit of each network operation', timeout);
}

/** The verification options the network flags ask for (only what was given). */
export function verifyOptionsFromFlags(flags: NetworkFlags): VerifyOptions {
  return {
    ...(flags.resolver ? { resolvers: flags.resolver } : {}),
    ...(flags.nsPort ? { nsPort: flags.nsPort } : {}),
    ...(Array.isArray(flags.dnsbl) ? { dnsblZones: flags.dnsbl } : {}),
    ...(flags.dnsbl === false ? { noDnsbl: true } : {}),
    ...(flags.smtpPort ? { smtpPort: flags.smtpPort } : {}),
    ...(flags.controlMx ? { controlMx: flags.controlMx } : {}),
    ...(flags.smtp === false ? { noSmtp: true } : {}),
    ...(flags.timeout ? { timeoutMs: flags.timeout } : {}),
  };
}
