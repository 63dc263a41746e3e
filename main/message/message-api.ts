import type { CallRequestParsed, CallResponse } from '../../shared/api/contract';
import { ApiError } from '../../shared/api/result';
import { messagePassed } from '../../shared/checks/message-evaluate';
import type { ProjectStore } from '../store/project-store';
import type { VerifyService } from '../verify/verify-service';
import { runMessageCheck } from './message-check';
import { saveMessageResult } from './message-store';
import type { MessageResult } from '../../shared/checks/message-result';

/**
 * message.check: verify a pasted or dropped test message with the project's plan (or the given
 * one), through the same network settings as verify.run, and store the result with the project.
 */
export async function checkProjectMessage(
  req: CallRequestParsed<'message.check'>,
  store: ProjectStore,
  verify: VerifyService,
): Promise<CallResponse<'message.check'>> {
  const plan =
    req.plan ??
    (req.projectId ? await verify.projectPlan(req.projectId).catch(() => undefined) : undefined);
  const bytes =
    req.base64 !== undefined
      ? Buffer.from(req.base64, 'base64')
      : Buffer.from(req.text ?? '', 'utf8');
  if (req.base64 !== undefined && bytes.length === 0 && req.base64.trim() !== '')
    throw new ApiError('bad-file', 'The file could not be read (it is not base64).', 'base64');
  const net = verify.networkSettings();
  const document = await runMessageCheck({
    bytes,
    source: req.source,
    ...(plan ? { plan } : {}),
    ...(net.options ? { options: net.options } : {}),
    ...(net.viewsOptions ? { viewsOptions: net.viewsOptions } : {}),
  });
  const result: MessageResult = {
    checkedAt: document.startedAt,
    source: req.source,
    ...(req.fileName ? { fileName: req.fileName } : {}),
    passed: messagePassed(document.findings),
    document,
  };
  if (req.projectId) await saveMessageResult(store, req.projectId, result);
  return result;
}
