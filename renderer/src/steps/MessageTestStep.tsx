import type { Project } from '../../../shared/model/project';
import { StepFooter } from '../components/StepFooter';
import { Term } from '../components/Term';
import { MessageResults } from '../message/MessageResults';
import { MessageInput } from '../message/MessageInput';
import { SourceMenus } from '../message/SourceMenus';
import { useMessageCheck } from '../message/use-message-check';
import '../message/message.css';

/** The "Send yourself a test" step: paste or drop a message, see what receivers will conclude. */
export function MessageTestStep({ project }: { project: Project }) {
  const { busy, error, result, checkText, checkFile } = useMessageCheck(project.id);
  return (
    <section aria-labelledby="message-title">
      <h1 id="message-title">Test message</h1>
      <p className="lead">Send yourself a test, and see what receivers will conclude.</p>
      <p>
        Correct records do not prove that mail arrives trusted. Send a real message from your site
        or your mail server (a newsletter is best: it is what matters) to a mailbox of your own at
        Gmail, Outlook.com or Yahoo. Then give Mailwright its full text: it checks the{' '}
        <Term id="dkim" /> signature, <Term id="spf" /> and <Term id="dmarc" /> against your DNS as
        it is now, and says what to fix.
      </p>
      <p className="hint">This step is optional: you can skip it and come back later.</p>

      <SourceMenus />
      <MessageInput busy={busy} error={error} onText={checkText} onFile={checkFile} />

      <div aria-live="polite">
        {busy ? <p role="status">Checking the message against your DNS…</p> : null}
      </div>
      {result ? <MessageResults result={result} projectId={project.id} /> : null}

      <StepFooter projectId={project.id} step="message-test" />
    </section>
  );
}
