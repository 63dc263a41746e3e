import { Link } from 'react-router';
import type { MailSoftware } from '../../../../shared/providers/mail-software';

/** The chosen mail software's DKIM advice, or a pointer to the Server step to choose it. */
export function DkimSoftwareNotice({
  software,
  projectId,
}: {
  software: MailSoftware | undefined;
  projectId: string;
}) {
  return software ? (
    <p className="notice info">
      <strong>{software.name}:</strong> {software.summary}
    </p>
  ) : (
    <p className="notice info">
      Choose your mail software on the <Link to={`/p/${projectId}/server`}>Server step</Link> to get
      advice for it.
    </p>
  );
}
