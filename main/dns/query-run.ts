import { interpretResponse, type ResponseParts } from './answer-interpret';
import { startDeadline } from './deadline';
import { TruncatedAnswerError, failureAnswer } from './failure-answer';
import type { DnsResult, DnsTransport, QueryType } from './types';

/** Why an answer still marked truncated (TC) after TCP or DoH is not used. */
const TRUNCATED_REASON =
  'its answer was cut short (truncated) even over TCP, so it could not be read whole';

/** What one transport's exchange produced: a decoded response and how it travelled. */
export interface Exchanged {
  response: ResponseParts & { authoritative?: boolean };
  via: DnsResult['via'];
}

/**
 * One query, the same way for every transport (UDP/TCP, DoH wire, DoH JSON): a deadline joined
 * with the caller's signal, the response interpreted into an outcome, and any failure turned into
 * an answer that says why. The transport only supplies the exchange.
 */
async function runQuery(
  transport: { server: string; timeoutMs: number },
  name: string,
  type: QueryType,
  signal: AbortSignal | undefined,
  exchange: (deadlineSignal: AbortSignal) => Promise<Exchanged>,
): Promise<DnsResult> {
  const { server, timeoutMs } = transport;
  const startedAt = Date.now();
  const deadline = startDeadline(timeoutMs, signal);
  try {
    const { response, via } = await exchange(deadline.signal);
    // TC over TCP or DoH: nothing longer will come, and a part of an answer is not the answer
    // (an empty "truncated" reply is no proof that the name has no record).
    if (response.truncated) throw new TruncatedAnswerError(TRUNCATED_REASON);
    const meaning = interpretResponse(response);
    return {
      name: response.name,
      type,
      outcome: meaning.outcome,
      records: meaning.records,
      ...(meaning.recordsOmitted !== undefined && { recordsOmitted: meaning.recordsOmitted }),
      ...(meaning.negativeTtl !== undefined && { negativeTtl: meaning.negativeTtl }),
      ...(meaning.authoritySoa && { authoritySoa: meaning.authoritySoa }),
      ...(meaning.error && { error: `${server}: ${meaning.error}` }),
      ...(response.authoritative !== undefined && { authoritative: response.authoritative }),
      rcode: response.rcode,
      via,
      server,
      elapsedMs: Date.now() - startedAt,
    };
  } catch (err) {
    return failureAnswer(
      {
        name,
        type,
        server,
        startedAt,
        timeoutMs,
        timedOut: deadline.timedOut(),
        ...(signal && { signal }),
      },
      err,
    );
  } finally {
    deadline.dispose();
  }
}

/**
 * A transport from its server's name, its timeout and its exchange: every query goes through
 * runQuery, so each transport supplies only how one question travels.
 */
export function queryTransport(
  server: string,
  timeoutMs: number,
  exchange: (name: string, type: QueryType, deadlineSignal: AbortSignal) => Promise<Exchanged>,
): DnsTransport {
  return {
    server,
    query: (name, type, signal) =>
      runQuery({ server, timeoutMs }, name, type, signal, (deadline) =>
        exchange(name, type, deadline),
      ),
  };
}
