/**
 * Selectors mail software and services use by default, probed when the planned selector has no
 * key: a key published under another selector is a common mix-up (Rspamd "default", Microsoft
 * 365 "selector1/2", Google "google", Mailchimp "k1", Mailgun/SendGrid "s1/s2"/"smtp"/"mx"...).
 */
export const COMMON_DKIM_SELECTORS: readonly string[] = [
  'default',
  'mail',
  'dkim',
  'selector1',
  'selector2',
  'google',
  'k1',
  'k2',
  's1',
  's2',
  'mx',
  'smtp',
  'key1',
  'dkim1',
  'email',
];

/** The DNS name of a DKIM key: `<selector>._domainkey.<domain>`. */
export function dkimName(selector: string, domain: string): string {
  return `${selector}._domainkey.${domain}`;
}
