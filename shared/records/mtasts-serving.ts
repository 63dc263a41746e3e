import type { MtaStsPlan } from './secure-records';

/**
 * How to serve the MTA-STS policy file from the mail server itself: the web server settings for
 * nginx, Caddy and Apache, and the certbot command that adds mta-sts.<domain> to the certificate
 * and keeps the key across renewals (so a DANE "3 1 1" record stays right). Pure text.
 */

/** The folder the web server settings serve mta-sts.<domain> from. */
function policyRoot(host: string): string {
  return `/var/www/${host}`;
}

/** Where the policy file goes on the mail server, for the settings below. */
export function policyFilePath(host: string): string {
  return `${policyRoot(host)}/.well-known/mta-sts.txt`;
}

/** One web server's settings, ready to paste. */
export interface ServingSnippet {
  server: 'nginx' | 'Caddy' | 'Apache';
  /** Where the text goes. */
  file: string;
  text: string;
}

/** The snippets for each web server. */
export function servingSnippets(sts: MtaStsPlan, mailHost: string): ServingSnippet[] {
  const root = policyRoot(sts.host);
  const cert = `/etc/letsencrypt/live/${mailHost}`;
  return [
    {
      server: 'nginx',
      file: `/etc/nginx/sites-available/${sts.host}`,
      text: [
        'server {',
        '    listen 443 ssl;',
        '    listen [::]:443 ssl;',
        `    server_name ${sts.host};`,
        `    ssl_certificate ${cert}/fullchain.pem;`,
        `    ssl_certificate_key ${cert}/privkey.pem;`,
        '    location = /.well-known/mta-sts.txt {',
        `        root ${root};`,
        '        default_type text/plain;',
        '    }',
        '    location / { return 404; }',
        '}',
      ].join('\n'),
    },
    {
      server: 'Caddy',
      file: '/etc/caddy/Caddyfile',
      text: [
        `${sts.host} {`,
        `    root * ${root}`,
        '    header /.well-known/mta-sts.txt Content-Type text/plain',
        '    file_server',
        '}',
      ].join('\n'),
    },
    {
      server: 'Apache',
      file: `/etc/apache2/sites-available/${sts.host}.conf`,
      text: [
        '<VirtualHost *:443>',
        `    ServerName ${sts.host}`,
        `    DocumentRoot ${root}`,
        '    SSLEngine on',
        `    SSLCertificateFile ${cert}/fullchain.pem`,
        `    SSLCertificateKeyFile ${cert}/privkey.pem`,
        '    <Files "mta-sts.txt">',
        '        ForceType text/plain',
        '    </Files>',
        '</VirtualHost>',
      ].join('\n'),
    },
  ];
}

/**
 * The certbot command for one certificate covering the mail host and mta-sts.<domain>, keeping the
 * same key on every renewal (--reuse-key), so a TLSA "3 1 1" record does not go stale.
 */
export function certbotCommand(mailHost: string, names: readonly string[]): string {
  return `certbot certonly --webroot -w /var/www/html --cert-name ${mailHost} --reuse-key ${[mailHost, ...names].map((n) => `-d ${n}`).join(' ')}`;
}
