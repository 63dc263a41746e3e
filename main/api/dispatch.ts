import { calls, type CallName } from '../../shared/api/contract';
import { ApiError, type Result } from '../../shared/api/result';
import type { ApiContext } from './context';
import { handlers as defaultHandlers, type Handlers } from './handlers';
import { tooDeepAt, tooDeepMessage } from './payload-depth';

/** Is this string a call in the contract? */
export function isCallName(name: string): name is CallName {
  return Object.hasOwn(calls, name);
}

/**
 * Run one call from an untrusted transport: the name and payload arrive as `unknown`, are
 * checked against the contract, and every outcome (including a bug) comes back as a Result.
 */
export async function dispatch(
  name: string,
  payload: unknown,
  ctx: ApiContext,
  handlers: Handlers = defaultHandlers,
): Promise<Result<unknown>> {
  if (!isCallName(name))
    return {
      ok: false,
      error: { code: 'unknown-call', message: `There is no call named "${name}".` },
    };
  const spec = calls[name];
  const deep = tooDeepAt(payload);
  if (deep !== null) {
    return {
      ok: false,
      error: { code: 'bad-request', message: tooDeepMessage(deep), field: deep },
    };
  }
  const parsed = spec.request.safeParse(payload ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join('.') ?? '';
    return {
      ok: false,
      error: {
        code: 'bad-request',
        // A sentence, not a "(field: …)" suffix: the field's path stays in `field` for code.
        message: field
          ? `The request's "${field}" is not right: ${issue?.message ?? 'invalid value'}.`
          : `${issue?.message ?? 'Invalid request'}.`,
        field,
      },
    };
  }
  try {
    const handler = handlers[name] as (req: unknown, ctx: ApiContext) => Promise<unknown>;
    const value = await handler(parsed.data, ctx);
    // Check our own answer too: a handler bug must not reach the renderer as a malformed object.
    const checked = spec.response.safeParse(value);
    if (!checked.success) {
      return {
        ok: false,
        error: { code: 'internal', message: `Mailwright produced an invalid answer for ${name}.` },
      };
    }
    return { ok: true, value: checked.data };
  } catch (e) {
    if (e instanceof ApiError) {
      return {
        ok: false,
        error: e.field
          ? { code: e.code, message: e.message, field: e.field }
          : { code: e.code, message: e.message },
      };
    }
    return {
      ok: false,
      error: {
        code: 'internal',
        message: `Something went wrong in ${name}: ${(e as Error).message}`,
      },
    };
  }
}
