import { documented, reported, unknownFact, type Fact } from './provider-fact';

/**
 * The mail software the user runs (or will run). It decides the default DKIM selector and
 * where the DKIM key comes from: Mailwright can generate the key (Postfix with Rspamd or
 * OpenDKIM), or the software makes its own and the user pastes the record it shows (mailcow,
 * Mail-in-a-Box), in which case generating one here would only cause a mismatch.
 */

/** Catalogue ids of the mail software, in the order the UI lists them. */
export const MAIL_SOFTWARE_IDS = [
  'postfix-rspamd',
  'postfix-opendkim',
  'mailcow',
  'mail-in-a-box',
  'mailster-smtp',
  'velocity-mta',
  'other',
] as const;

/** One mail software id. */
export type MailSoftwareId = (typeof MAIL_SOFTWARE_IDS)[number];

/**
 * Where the DKIM key comes from.
 * generate: Mailwright makes the key pair; the user installs the private key (config snippet).
 * own-ui: the software makes its own key; the user copies the record from its admin page.
 * either: both work; the user chooses.
 */
export type DkimKeySource = 'generate' | 'own-ui' | 'either';

/** One kind of mail software. */
export interface MailSoftware {
  id: MailSoftwareId;
  name: string;
  /** The selector to propose (the part before "._domainkey"). */
  defaultSelector: Fact<string>;
  keySource: DkimKeySource;
  /** Where the user finds the software's own DKIM record, when it makes one. */
  whereKeyIsShown?: Fact<string>;
  /** One plain sentence the UI shows under the choice. */
  summary: string;
}

const READ = '2026-11-22';

/** The mail software catalogue. */
export const MAIL_SOFTWARE: Record<MailSoftwareId, MailSoftware> = {
  'postfix-rspamd': {
    id: 'postfix-rspamd',
    name: 'Postfix with Rspamd',
    defaultSelector: reported(
      'default',
      'Self-hosted Postfix + Rspamd guide this project started from (seeds/004: "default._domainkey.example.com")',
      {
        checked: READ,
        note: 'Rspamd\'s own fallback selector is "dkim" (rspamd.com/doc/modules/dkim_signing.html); the snippet Mailwright gives sets the selector explicitly, so either works.',
      },
    ),
    keySource: 'either',
    summary:
      'Mailwright can make the DKIM key for you and show the Rspamd settings that use it; or paste the record from "rspamadm dkim_keygen".',
  },
  'postfix-opendkim': {
    id: 'postfix-opendkim',
    name: 'Postfix with OpenDKIM',
    defaultSelector: documented(
      'default',
      'opendkim-genkey(8) manual: the -s selector option defaults to "default"',
      {
        checked: READ,
      },
    ),
    keySource: 'either',
    summary:
      'Mailwright can make the DKIM key for you and show the OpenDKIM KeyTable and SigningTable lines; or paste the record from "opendkim-genkey".',
  },
  mailcow: {
    id: 'mailcow',
    name: 'mailcow',
    defaultSelector: documented(
      'dkim',
      'mailcow-dockerized source, data/web/inc/functions.dkim.inc.php (selector defaults to "dkim"; record "v=DKIM1;k=rsa;t=s;s=email;p=...")',
      { checked: READ },
    ),
    keySource: 'own-ui',
    whereKeyIsShown: reported(
      'In the mailcow admin panel: System > Configuration > Options > ARC/DKIM keys. Create a key for your domain (2048 bits) and copy the TXT record shown under it.',
      'mailcow documentation and admin panel, as described in public guides',
      {
        checked: READ,
        note: 'Menu names change between mailcow versions; look for "ARC/DKIM keys".',
      },
    ),
    summary: 'mailcow makes and uses its own DKIM key: paste the record its admin panel shows.',
  },
  'mail-in-a-box': {
    id: 'mail-in-a-box',
    name: 'Mail-in-a-Box',
    defaultSelector: reported(
      'mail',
      'mail-in-a-box/mailinabox issue #2348 (maintainers: "Your current code will always use mail as selector"; setup/dkim.sh)',
      { checked: READ },
    ),
    keySource: 'own-ui',
    whereKeyIsShown: reported(
      'In the Mail-in-a-Box admin panel: System > External DNS lists every record to publish, including the mail._domainkey TXT record. Copy it from there.',
      'Mail-in-a-Box admin panel ("External DNS" page), as described in public guides',
      { checked: READ },
    ),
    summary:
      'Mail-in-a-Box makes its own DKIM key: copy the record from its External DNS page. (If Mail-in-a-Box also runs your DNS, it publishes it for you.)',
  },
  'mailster-smtp': {
    id: 'mailster-smtp',
    name: 'Mailster with its own SMTP server',
    defaultSelector: unknownFact(
      'The selector depends on the SMTP server Mailster sends through; Mailster\'s own DKIM option lets you choose one. "mail" is proposed; use what your server or Mailster shows.',
    ),
    keySource: 'either',
    summary:
      "Mailster sends through your SMTP server: the DKIM key belongs to that server (or to Mailster's own DKIM option). Use the record it gives you, or let Mailwright make one for the server.",
  },
  'velocity-mta': {
    id: 'velocity-mta',
    name: 'Velocity MTA',
    defaultSelector: unknownFact(
      'Velocity MTA\'s default DKIM selector was not found. "mail" is proposed; use the selector your Velocity MTA setup shows.',
    ),
    keySource: 'either',
    summary:
      'Use the DKIM record your Velocity MTA setup gives you, or let Mailwright make a key for it.',
  },
  other: {
    id: 'other',
    name: 'Other mail software',
    defaultSelector: unknownFact('Each program has its own default selector. "mail" is proposed.'),
    keySource: 'either',
    summary:
      'Paste the DKIM record your mail software shows, or let Mailwright make a key you install yourself.',
  },
};

/** The selector proposed when the software's default is unknown. */
export const FALLBACK_SELECTOR = 'mail';

/** The catalogue entry for an id, or undefined. */
export function findMailSoftware(id: string): MailSoftware | undefined {
  return (MAIL_SOFTWARE_IDS as readonly string[]).includes(id)
    ? MAIL_SOFTWARE[id as MailSoftwareId]
    : undefined;
}

/** The DKIM selector to propose for a mail software id (or for none). */
export function defaultSelectorFor(id: string | undefined): string {
  const fact = id === undefined ? undefined : findMailSoftware(id)?.defaultSelector;
  return fact && fact.certainty !== 'unknown' ? fact.value : FALLBACK_SELECTOR;
}
