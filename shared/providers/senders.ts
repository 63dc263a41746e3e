import { reported, unknownFact, type Fact } from './provider-fact';

/**
 * Third-party services that also send mail for the domain. Each gives the SPF `include:` the
 * planner merges into the domain's one SPF record, and what the user must do at that service for
 * DKIM (the service holds the private key; the user only publishes what its panel shows).
 *
 * Sources: the vendors' own pages are named, but these values were read from public guides
 * that quote them (stored copies, read 2026-11-22), not from the vendor pages themselves, so
 * every fact is "reported" with a note to verify. Where the guides disagree or are silent, the
 * fact says so instead of guessing.
 */

/** Catalogue ids of the senders, in the order the UI lists them. */
export const SENDER_IDS = [
  'google-workspace',
  'microsoft-365',
  'amazon-ses',
  'sendgrid',
  'mailgun',
  'postmark',
  'brevo',
  'mailchimp',
  'zoho',
  'sendiio-smtp',
  'other',
] as const;

/** One sender id. */
export type SenderId = (typeof SENDER_IDS)[number];

/** One third-party sender. */
export interface Sender {
  id: SenderId;
  /** The name the UI shows. */
  name: string;
  /**
   * The SPF include the service asks for at the domain, without "include:"; absent for "other"
   * (the user types it) and where the service does not want one at the domain.
   */
  spfInclude: Fact<string> | undefined;
  /** One or two plain sentences about SPF at this service (e.g. why no include is needed). */
  spfNote?: string;
  /** What to do at the service for DKIM, in plain sentences. */
  dkim: Fact<string>;
  /** Where in the service's panel the DNS records are shown, when known. */
  where?: string;
}

const VERIFY = 'From vendor docs as recorded in public guides; verify in your account.';
const READ = '2026-11-22';
const opts = { checked: READ, note: VERIFY };

/** The senders catalogue. */
export const SENDERS: Record<SenderId, Sender> = {
  'google-workspace': {
    id: 'google-workspace',
    name: 'Google Workspace (Gmail)',
    spfInclude: reported(
      '_spf.google.com',
      'Google Workspace Admin Help "Set up SPF" (support.google.com/a/answer/10685031), as quoted by mailermonk.com/guides/spf/google-workspace and mimecast.com',
      opts,
    ),
    dkim: reported(
      'In the Google Admin console open Apps > Google Workspace > Gmail > Authenticate email, generate a DKIM key for your domain, publish the TXT record it shows (the selector is usually "google"), then click Start authentication.',
      'Google Workspace Admin Help "Set up DKIM" (support.google.com/a/answer/174124), as described by mailermonk.com/guides/spf/google-workspace',
      opts,
    ),
    where: 'Admin console > Apps > Google Workspace > Gmail > Authenticate email',
  },
  'microsoft-365': {
    id: 'microsoft-365',
    name: 'Microsoft 365 (Exchange Online)',
    spfInclude: reported(
      'spf.protection.outlook.com',
      'Microsoft Learn "Set up SPF to help prevent spoofing" (learn.microsoft.com/defender-office-365/email-authentication-spf-configure), as quoted by public guides (e.g. support.rentman.io)',
      opts,
    ),
    dkim: reported(
      'In the Microsoft Defender portal (Email authentication settings > DKIM) select your domain; it shows two CNAME records (selector1._domainkey and selector2._domainkey) to publish. Publish both, then turn on signing there.',
      'Microsoft Learn "Set up DKIM to sign mail from your domain" (learn.microsoft.com/defender-office-365/email-authentication-dkim-configure)',
      opts,
    ),
  },
  'amazon-ses': {
    id: 'amazon-ses',
    name: 'Amazon SES',
    spfInclude: reported(
      'amazonses.com',
      'Amazon SES Developer Guide "Authenticating email with SPF" (docs.aws.amazon.com/ses/latest/dg/send-email-authentication-spf.html); include:amazonses.com also appears in the Mailster guide this project started from',
      opts,
    ),
    spfNote:
      'SES sends with its own bounce address unless you set a custom MAIL FROM domain; the include matters for SPF alignment only with that custom domain.',
    dkim: reported(
      'In the SES console verify your domain with Easy DKIM; it shows three CNAME records (<token>._domainkey pointing to <token>.dkim.amazonses.com). Publish all three.',
      'Amazon SES Developer Guide "Easy DKIM" (docs.aws.amazon.com/ses/latest/dg/send-email-authentication-dkim-easy.html)',
      opts,
    ),
  },
  sendgrid: {
    id: 'sendgrid',
    name: 'SendGrid (Twilio)',
    spfInclude: reported(
      'sendgrid.net',
      'Twilio SendGrid docs "How to set up domain authentication" (twilio.com/docs/sendgrid), as quoted by public SPF guides',
      opts,
    ),
    spfNote:
      'With "automated security" on, SendGrid handles SPF through the CNAME records of domain authentication, so the include at your domain may not be needed.',
    dkim: reported(
      'In SendGrid open Settings > Sender Authentication > Authenticate Your Domain; it shows CNAME records (s1._domainkey and s2._domainkey, plus one for the bounce domain). Publish all of them.',
      'Twilio SendGrid docs "How to set up domain authentication"',
      opts,
    ),
    where: 'Settings > Sender Authentication',
  },
  mailgun: {
    id: 'mailgun',
    name: 'Mailgun',
    spfInclude: reported(
      'mailgun.org',
      'Mailgun documentation on domain verification, as quoted by mxio.io/providers/mailgun, spfwise.com and support.rentman.io',
      opts,
    ),
    spfNote:
      'Mailgun usually sends from a subdomain you add in Mailgun (e.g. mg.example.com); its SPF include then belongs on that subdomain, not on your domain. EU accounts may be shown a different include; use the one your Mailgun panel shows.',
    dkim: reported(
      'In Mailgun open Sending > Domains, add your sending domain, and publish the DKIM record it shows (a TXT record, or CNAME records on newer accounts) exactly as shown.',
      'Public guides quoting Mailgun (mxio.io/providers/mailgun, spfwise.com); the record kind differs between guides',
      opts,
    ),
    where: 'Sending > Domains',
  },
  postmark: {
    id: 'postmark',
    name: 'Postmark',
    spfInclude: reported(
      'spf.mtasv.net',
      'Public guides quoting Postmark (cloudscope.io, phishfence.io, trustyourinbox.com)',
      {
        checked: READ,
        note: `${VERIFY} Guides disagree on whether the include is needed at all: Postmark's Return-Path CNAME (pm-bounces -> pm.mtasv.net) handles SPF.`,
      },
    ),
    spfNote:
      'Postmark aligns SPF through a Return-Path CNAME (pm-bounces.<your domain> pointing to pm.mtasv.net) that its panel shows; the include at your domain is optional.',
    dkim: reported(
      'In Postmark open Sender Signatures (or your domain) > DNS Settings and publish the DKIM TXT record shown; its name is date-based, like 20240101pm._domainkey.',
      'Public guides quoting Postmark (trustyourinbox.com/kb/source-configuration/postmark, cloudscope.io)',
      opts,
    ),
    where: 'Sender Signatures > DNS Settings',
  },
  brevo: {
    id: 'brevo',
    name: 'Brevo (formerly Sendinblue)',
    spfInclude: reported(
      'spf.brevo.com',
      'Public guides quoting Brevo (suped.com: "Current accounts commonly show include:spf.brevo.com, while older SendinBlue instructions used include:spf.sendinblue.com")',
      opts,
    ),
    spfNote:
      'On shared sending, Brevo uses its own bounce domain, so DKIM (not SPF) is what makes DMARC pass; use the include your Brevo account shows.',
    dkim: reported(
      'In Brevo open Senders, Domains & Dedicated IPs > Domains, authenticate your domain, and publish the DKIM records (TXT or CNAME) and the "Brevo code" TXT record it shows.',
      'Brevo Help Center "FAQs - About domain authentication (Brevo code, DKIM, DMARC)" (help.brevo.com)',
      opts,
    ),
  },
  mailchimp: {
    id: 'mailchimp',
    name: 'Mailchimp / Mandrill',
    spfInclude: reported(
      'spf.mandrillapp.com',
      'Mailchimp Transactional (Mandrill) docs "Authentication and delivery" (mailchimp.com/developer/transactional/docs/authentication-delivery/)',
      {
        checked: READ,
        note: `${VERIFY} This include is for Mandrill (Mailchimp Transactional); Mailchimp's marketing service authenticates with DKIM CNAME records and does not ask for an SPF include.`,
      },
    ),
    dkim: reported(
      'Mailchimp marketing: Website > Domains > Authenticate shows two CNAME records (k2._domainkey and k3._domainkey). Mandrill: Settings > Sending Domains shows its DKIM records. Publish what your account shows.',
      'Mailchimp help "Set up email domain authentication" and Mandrill docs, as quoted in public guides',
      opts,
    ),
  },
  zoho: {
    id: 'zoho',
    name: 'Zoho Mail',
    spfInclude: reported(
      'zoho.com',
      'Zoho Mail Help "SPF configuration" (zoho.com/mail/help/adminconsole/spf-configuration.html)',
      {
        checked: READ,
        note: `${VERIFY} Accounts in other regions use a regional include (e.g. zoho.eu, zoho.in); use the one your Zoho admin console shows.`,
      },
    ),
    dkim: reported(
      'In the Zoho Mail admin console open Domains > Email Configuration > DKIM, add a selector, and publish the TXT record it shows; then verify it there.',
      'Zoho Mail Help "DKIM configuration" (zoho.com/mail/help/adminconsole/dkim-configuration.html)',
      opts,
    ),
  },
  'sendiio-smtp': {
    id: 'sendiio-smtp',
    name: 'Sendiio SMTP',
    spfInclude: reported(
      'spf.sendiiosmtp.com',
      'The Mailster setup guide this project started from (seeds/000): "v=spf1 ip4:<your_mailster_smtp_ip> include:amazonses.com include:spf.sendiiosmtp.com -all"',
      {
        checked: READ,
        note: 'From a public guide, not Sendiio documentation; verify in your Sendiio account.',
      },
    ),
    dkim: unknownFact(
      'How Sendiio SMTP provides DKIM was not found. Publish the DKIM record your Sendiio SMTP account shows, if it shows one.',
      'The Mailster setup guide (seeds/000) and a search of public pages, 2026-11-22',
    ),
  },
  other: {
    id: 'other',
    name: 'Another service',
    spfInclude: undefined,
    spfNote: 'Type the SPF include your service documents (for example "spf.example-mailer.com").',
    dkim: unknownFact(
      'Each service has its own DKIM setup: publish the DKIM records its control panel shows, exactly as shown.',
    ),
  },
};

/** The catalogue entry for an id, or undefined for an unknown id. */
export function findSender(id: string): Sender | undefined {
  return (SENDER_IDS as readonly string[]).includes(id) ? SENDERS[id as SenderId] : undefined;
}

/** A sender as the plan names it: an id, or an id with its own include (for "other"). */
export type PlanSender = string | { id: string; include?: string };

/**
 * The SPF include to add for one plan sender: the plan's own include if given, else the
 * catalogue's. Undefined when there is none (the service does not want one, or it is unknown).
 */
export function senderInclude(sender: PlanSender): string | undefined {
  const id = typeof sender === 'string' ? sender : sender.id;
  const own = typeof sender === 'string' ? undefined : sender.include;
  if (own) return own.replace(/^include:/i, '').trim();
  const fact = findSender(id)?.spfInclude;
  return fact && fact.certainty !== 'unknown' ? fact.value : undefined;
}
