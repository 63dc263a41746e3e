/**
 * Address ranges of web proxies that cannot carry mail. A mail host whose A/AAAA record points
 * into one of these is "proxied": port 25 goes to the proxy, not the server.
 *
 * Cloudflare: as published at https://www.cloudflare.com/ips-v4 and /ips-v6 (recorded 2026-11,
 * from Mailwright's research notes; the list changes rarely, re-check it when updating).
 */
export const CLOUDFLARE_RANGES: readonly string[] = [
  '173.245.48.0/20',
  '103.21.244.0/22',
  '103.22.200.0/22',
  '103.31.4.0/22',
  '141.101.64.0/18',
  '108.162.192.0/18',
  '190.93.240.0/20',
  '188.114.96.0/20',
  '197.234.240.0/22',
  '198.41.128.0/17',
  '162.158.0.0/15',
  '104.16.0.0/13',
  '104.24.0.0/14',
  '172.64.0.0/13',
  '131.0.72.0/22',
  '2400:cb00::/32',
  '2606:4700::/32',
  '2803:f800::/32',
  '2405:b500::/32',
  '2405:8100::/32',
  '2a06:98c0::/29',
  '2c0f:f248::/32',
];

/** Name patterns of Cloudflare's nameservers (e.g. ada.ns.cloudflare.com). */
export const CLOUDFLARE_NS = /\.ns\.cloudflare\.com\.?$/i;
