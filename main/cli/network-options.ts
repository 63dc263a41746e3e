import { isIP } from 'node:net';
import { InvalidArgumentError, type Command } from 'commander';
import type { VerifyOptions } from '../../shared/checks/verify-options';
import { parseServerAddress } from '../dns/server-address';

/**
 * The network flags of docs/CHECKS.md, shared by `check`, `export` and `serve` so each parses them
 * the same way and says the same thing about a bad value (commander turns a parser's
 * InvalidArgumentError into exit status 2).
 */
export interface NetworkFlags {
  resolver?: string[];
  nsPort?: number;
  /** Zones given with --dnsbl; false with --no-dnsbl; true (commander's default) otherwise. */
  dnsbl: string[] | boolean;
  smtpPort?: number;
  smtpAddress?: string;
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

/**
 * --smtp-address takes an IP literal only: a name would be looked up by this computer's resolver,
 * which is the thing a tunnel or a test is there to go around.
 */
function smtpAddress(v: string): string {
  const bare = /^\[([0-9a-f:.]+)\]$/i.exec(v)?.[1] ?? v;
  if (isIP(bare) !== 0) return bare;
  const withPort = /^(\[[0-9a-f:.]+\]|[0-9.]+):(\d+)$/i.exec(v);
  if (withPort && isIP(withPort[1]!.replace(/^\[|\]$/g, '')) !== 0) {
    throw new InvalidArgumentError(
      `--smtp-address: "${v}" has a port; give the address alone and the port with --smtp-port ${withPort[2]}.`,
    );
  }
  if (/^[a-z0-9.-]*[a-z][a-z0-9.-]*$/i.test(v)) {
    throw new InvalidArgumentError(
      `--smtp-address: "${v}" is a name, not an IP address. Give the address to connect to, for example 127.0.0.1 for an SSH tunnel.`,
    );
  }
  throw new InvalidArgumentError(
    `--smtp-address: "${v}" is not an IP address (for example 127.0.0.1 or ::1).`,
  );
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
      '--smtp-address <ip>',
      'connect the SMTP checks to this IP address instead of the mail host’s (e.g. 127.0.0.1 for an SSH tunnel); names are still checked against the mail host',
      smtpAddress,
    )
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
    ...(flags.smtpAddress ? { smtpAddress: flags.smtpAddress } : {}),
    ...(flags.controlMx ? { controlMx: flags.controlMx } : {}),
    ...(flags.smtp === false ? { noSmtp: true } : {}),
    ...(flags.timeout ? { timeoutMs: flags.timeout } : {}),
  };
}
