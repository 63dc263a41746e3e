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
                  <th scope="col">What the check saw</th>
                </tr>
              </thead>
              <tbody>
                {settings.ports.map((p) => (
                  <tr key={p.service}>
                    <td>{p.role}</td>
                    <td>{p.service}</td>
                    <td>{p.security}</td>
                    <td className="pre-line">{p.seen}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
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
