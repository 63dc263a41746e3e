import type { Finding } from '../../../shared/checks/finding';
import { mailClientSettings } from '../../../shared/summary/mail-client-settings';

/** The settings people type into their mail app, from what the last check saw at each port. */
export function MailAppSettings({
  mailHost,
  findings,
}: {
  mailHost: string;
  findings: readonly Finding[] | undefined;
}) {
  const settings = mailClientSettings(mailHost, findings);
  // One sentence, not the same one on every row (e.g. "not checked" through --smtp-address).
  const sameSeen =
    settings && settings.ports.every((p) => p.seen === settings.ports[0]?.seen)
      ? (settings.ports[0]?.seen ?? null)
      : null;
  return (
    <section className="card card-section" aria-labelledby="mail-app-title">
      <h2 id="mail-app-title">Mail app settings</h2>
      {settings ? (
        <>
          <p>
            In Thunderbird, Outlook or a phone, use the server <code>{settings.server}</code> and
            your full email address as the user name.
          </p>
          <div className="table-wrap">
            <table data-testid="mail-app-settings">
              <caption className="visually-hidden">Ports for mail apps</caption>
              <thead>
                <tr>
                  <th scope="col">For</th>
                  <th scope="col">Port</th>
                  <th scope="col">Security</th>
                  {sameSeen === null ? <th scope="col">What the check saw</th> : null}
                </tr>
              </thead>
              <tbody>
                {settings.ports.map((p) => (
                  <tr key={p.service}>
                    <td>{p.role}</td>
                    <td>{p.service}</td>
                    <td>{p.security}</td>
                    {sameSeen === null ? <td className="pre-line">{p.seen}</td> : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {sameSeen !== null ? (
            <p className="hint pre-line">What the check saw: {sameSeen}</p>
          ) : null}
        </>
      ) : (
        <p className="muted">
          The last check did not look at the ports mail apps use. Check on the Verify step to see
          them here.
        </p>
      )}
    </section>
  );
}
