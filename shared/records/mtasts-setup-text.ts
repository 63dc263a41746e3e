import type { MtaStsSetup } from './mtasts-setup';
import { wrap } from './records-table';

/** The width the records list wraps its prose at. */
const WIDTH = 80;

/**
 * The MTA-STS setup as plain text for `mailwright plan`: the policy file whole, where it goes,
 * the certbot command and each web server's settings, each ready to paste (never wrapped). The
 * wizard's Secure step shows the same pieces, from the same mtaStsSetup.
 */
export function renderMtaStsSetup(setup: MtaStsSetup): string {
  const { policy } = setup;
  const prose = (text: string): string => wrap(text, WIDTH, '').join('\n');
  const block = (text: string): string =>
    text
      .split('\n')
      .map((l) => `    ${l}`)
      .join('\n');
  const parts = [
    prose(
      `MTA-STS policy file: serve it at ${policy.url}, over HTTPS with a certificate for ${policy.host}, answering directly (no redirect).`,
    ),
    block(policy.text.replace(/\r\n/g, '\n').trimEnd()),
    ...(policy.nextStep ? [prose(`Next step: ${policy.nextStep.when}`)] : []),
    ...(setup.records.length
      ? [
          prose(
            `${policy.host} points at your server: ${setup.records.map((r) => `${r.type} ${r.value}`).join(', ')} (in the records above).`,
          ),
        ]
      : []),
    prose(
      'To serve it from your mail server: one certificate for the mail host and the policy host, keeping the key on renewal,',
    ),
    block(setup.certbot),
    prose(`save the file as ${setup.policyFile}, and add the settings of your web server:`),
    ...setup.webServers.flatMap((s) => [`${s.server} (${s.file}):`, block(s.text)]),
    prose(setup.elsewhere),
  ];
  return `\n${parts.join('\n\n')}\n`;
}
