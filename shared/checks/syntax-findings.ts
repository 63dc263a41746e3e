import type { CheckId } from './catalogue';
import type { Finding } from './finding';
import { detailText, makeFinding } from './finding-make';

/**
 * The syntax judgement shared by record checks whose parser lists problems (DKIM, DMARC): any
 * error is a fail (receivers cannot use or may ignore the record), else any warning is a warn
 * (it works, with something to tidy), else nothing to say here.
 */

/** One problem a record parser found. */
interface RecordProblem {
  level: 'error' | 'warning';
  message: string;
}

/** The words of a syntax finding for one kind of record. */
export interface SyntaxWords {
  /** "The DMARC record": the warn title says it "works, with something to tidy". */
  record: string;
  /** The fail's title, e.g. "The DMARC record has a mistake". */
  errorTitle: string;
  /** The sentence before the list of errors. */
  errorLead: string;
  errorFix: string;
  /** The sentence before the list of warnings. */
  warningLead: string;
  warningFix: string;
}

/** The fail or warn finding of a record's own problems, or null when it has none. */
export function problemsFinding(
  check: CheckId,
  subject: string,
  problems: readonly RecordProblem[],
  words: SyntaxWords,
  evidence: Record<string, unknown>,
): Finding | null {
  const errors = problems.filter((p) => p.level === 'error');
  if (errors.length > 0)
    return makeFinding(check, subject, 'fail', {
      title: words.errorTitle,
      detail: detailText(
        words.errorLead,
        errors.map((p) => p.message),
      ),
      fix: words.errorFix,
      evidence,
    });
  const warnings = problems.filter((p) => p.level === 'warning');
  if (warnings.length > 0)
    return makeFinding(check, subject, 'warn', {
      title: `${words.record} works, with something to tidy`,
      detail: detailText(
        words.warningLead,
        warnings.map((p) => p.message),
      ),
      fix: words.warningFix,
      evidence,
    });
  return null;
}
