/** A public resolver reached over DNS-over-HTTPS. */
export interface PublicResolver {
  /** Stable id: the view id is "public:<id>". */
  id: string;
  /** What the UI shows. */
  label: string;
  url: string;
  /** "json" (`application/dns-json`, Cloudflare/Google style) or "wire" (RFC 8484). */
  format: 'json' | 'wire';
}

/**
 * The public resolvers asked by default. Cloudflare's JSON keeps each TXT string quoted (so
 * boundaries survive), and dns-over-http-resolver asks it for the wizard's address look-ups;
 * Google's JSON joins TXT strings, so Google and Quad9 are asked in RFC 8484 wire format, which
 * keeps bytes.
 */
export const DEFAULT_PUBLIC_RESOLVERS: readonly PublicResolver[] = [
  {
    id: 'cloudflare',
    label: 'Cloudflare (1.1.1.1)',
    url: 'https://cloudflare-dns.com/dns-query',
    format: 'json',
  },
  { id: 'google', label: 'Google (8.8.8.8)', url: 'https://dns.google/dns-query', format: 'wire' },
  { id: 'quad9', label: 'Quad9 (9.9.9.9)', url: 'https://dns.quad9.net/dns-query', format: 'wire' },
];
