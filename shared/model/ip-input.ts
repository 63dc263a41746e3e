import ipaddr from 'ipaddr.js';

/**
 * The server address fields. ipaddr.js alone is too lenient for what people type ("1231233"
 * and "010.1.1.1" parse as addresses there), so IPv4 must be four plain decimal numbers here;
 * ranges that cannot be a mail server's public address get a sentence saying where the right
 * address is found.
 */

/** What one address field turned into. */
export type IpInputResult =
  | {
      ok: true;
      /** The canonical form: dotted decimal, or compressed lowercase IPv6. */
      value: string;
      family: 'ipv4' | 'ipv6';
      /** Set for an address that is valid but unusual (e.g. a documentation range the tests use). */
      message?: string;
      level?: 'warning';
    }
  | { ok: false; value?: undefined; message: string; level: 'error' };

/** Which kind of address a field takes. */
export type IpFamily = 'ipv4' | 'ipv6' | 'any';

const PANEL = "your server's public address is shown in your VPS host's control panel";

const DOCUMENTATION: [string, string][] = [
  ['192.0.2.0/24', 'ipv4'],
  ['198.51.100.0/24', 'ipv4'],
  ['203.0.113.0/24', 'ipv4'],
  ['2001:db8::/32', 'ipv6'],
  ['3fff::/20', 'ipv6'],
];

function inDocumentation(addr: ipaddr.IPv4 | ipaddr.IPv6): boolean {
  return DOCUMENTATION.some(([cidr]) => {
    const [net, bits] = ipaddr.parseCIDR(cidr);
    return net.kind() === addr.kind() && addr.match(net, bits);
  });
}

/** Plain sentences for ranges that are never a server's public address. */
function rangeProblem(shown: string, range: string): string | null {
  switch (range) {
    case 'private':
    case 'uniqueLocal':
      return `${shown} is an address inside your home or office network; ${PANEL}.`;
    case 'loopback':
      return `${shown} is this computer's own "loopback" address, which no other computer can reach; ${PANEL}.`;
    case 'linkLocal':
      return `${shown} is a "link-local" address that only works on one local network segment; ${PANEL}.`;
    case 'carrierGradeNat':
      return `${shown} is a shared address your internet provider uses behind its own router (CGNAT), not one the internet can reach; ${PANEL}.`;
    case 'unspecified':
      return `${shown} means "no address"; ${PANEL}.`;
    case 'broadcast':
    case 'multicast':
      return `${shown} is a group (broadcast or multicast) address, not one server's address; ${PANEL}.`;
    case 'reserved':
    case 'benchmarking':
    case 'discard':
    case 'orchid2':
    case 'as112':
    case 'amt':
    case 'deprecated':
      return `${shown} is in a reserved range that is not used on the internet; ${PANEL}.`;
    case 'ipv4Mapped':
      return `${shown} is an IPv4 address written in IPv6 form. Enter it in the IPv4 field as plain numbers.`;
    case 'rfc6052':
    case 'rfc6145':
    case '6to4':
    case 'teredo':
      return `${shown} is a translation or tunnel address, not your server's own address; ${PANEL}.`;
    default:
      return null;
  }
}

function parseIpv4(s: string): IpInputResult {
  const parts = s.split('.');
  if (parts.length !== 4) {
    return {
      ok: false,
      level: 'error',
      message: `"${s}" is not an IPv4 address. An IPv4 address is four numbers from 0 to 255 separated by dots, for example 203.0.113.10.`,
    };
  }
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part) || Number(part) > 255) {
      return {
        ok: false,
        level: 'error',
        message: `"${s}" is not an IPv4 address: "${part}" is not a number from 0 to 255. Write it like 203.0.113.10.`,
      };
    }
    if (part.length > 1 && part.startsWith('0')) {
      return {
        ok: false,
        level: 'error',
        message: `"${s}" has a number with a leading zero ("${part}"), which some programs read as a different (octal) number. Write it without leading zeros.`,
      };
    }
  }
  return { ok: true, value: parts.map(Number).join('.'), family: 'ipv4' };
}

function parseIpv6(s: string): IpInputResult {
  const bare = s.replace(/^\[(.*)\]$/, '$1');
  if (bare.includes('%')) {
    return {
      ok: false,
      level: 'error',
      message: `"${s}" includes a network interface name after "%". Enter the address only; ${PANEL}.`,
    };
  }
  if (bare.includes('/')) {
    return {
      ok: false,
      level: 'error',
      message: `"${s}" is a network range, not one address. Enter your server's own address (for example 2001:db8::10), as shown in your VPS host's control panel.`,
    };
  }
  if (!ipaddr.IPv6.isValid(bare)) {
    return {
      ok: false,
      level: 'error',
      message: `"${s}" is not an IPv6 address. An IPv6 address looks like 2001:db8::10 (groups of hex digits separated by colons).`,
    };
  }
  return { ok: true, value: ipaddr.IPv6.parse(bare).toString(), family: 'ipv6' };
}

/**
 * Check one address field. Returns the canonical address, or a specific message. Documentation
 * ranges (192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24, 2001:db8::/32) are accepted with a
 * warning, since examples and tests use them; private, loopback, link-local, CGNAT and other
 * non-public ranges are errors.
 */
export function validateIpInput(raw: string, family: IpFamily = 'any'): IpInputResult {
  const s = raw.trim();
  if (s === '') {
    return {
      ok: false,
      level: 'error',
      message: `Enter your server's address; ${PANEL}.`,
    };
  }
  // A web address copied from the browser ("https://5.161.77.10/"): its "://" is not IPv6.
  const url = /^[a-z][a-z0-9+.-]*:\/\/\[?([^/\]]+?)\]?(?::\d+)?(?:\/.*)?$/i.exec(s);
  if (url) {
    const inner = validateIpInput(url[1]!, family);
    return {
      ok: false,
      level: 'error',
      message: inner.ok
        ? `"${s}" is a web address. Enter only the server's address: ${inner.value}.`
        : `"${s}" is a web address, not a server address; ${PANEL}.`,
    };
  }
  const commas = /^\d{1,3}(?:\s*,\s*\d{1,3}){3}$/.test(s) ? s.replace(/\s*,\s*/g, '.') : null;
  if (commas) {
    const dotted = parseIpv4(commas);
    return {
      ok: false,
      level: 'error',
      message: dotted.ok
        ? `"${s}" uses commas; an IPv4 address is written with dots: ${dotted.value}.`
        : `"${s}" uses commas; an IPv4 address is four numbers from 0 to 255 separated by dots, for example 203.0.113.10.`,
    };
  }
  const looksV6 = s.includes(':');
  if (family === 'ipv4' && looksV6) {
    const v6 = parseIpv6(s);
    if (v6.ok && ipaddr.IPv6.parse(v6.value).isIPv4MappedAddress()) {
      const v4 = ipaddr.IPv6.parse(v6.value).toIPv4Address().toString();
      return {
        ok: false,
        level: 'error',
        message: `"${s}" is an IPv4 address in IPv6 form. Enter ${v4} instead.`,
      };
    }
    return {
      ok: false,
      level: 'error',
      message: `"${s}" is an IPv6 address. Enter it in the IPv6 field.`,
    };
  }
  if (family === 'ipv6' && !looksV6) {
    const v4 = parseIpv4(s);
    return {
      ok: false,
      level: 'error',
      message: v4.ok
        ? `"${s}" is an IPv4 address. Enter it in the IPv4 field.`
        : `"${s}" is not an IPv6 address. An IPv6 address looks like 2001:db8::10.`,
    };
  }
  const parsed = looksV6 ? parseIpv6(s) : parseIpv4(s);
  if (!parsed.ok) return parsed;
  const addr = ipaddr.parse(parsed.value);
  if (inDocumentation(addr)) {
    return {
      ...parsed,
      level: 'warning',
      message: `${parsed.value} is a documentation address, reserved for examples and tests. That is fine for trying Mailwright; for your real server, use the public address shown in your VPS host's control panel.`,
    };
  }
  const problem = rangeProblem(parsed.value, addr.range());
  if (problem) return { ok: false, level: 'error', message: problem };
  return parsed;
}
