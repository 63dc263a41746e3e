import type { CheckId } from '../../shared/checks/catalogue';
import type { Finding } from '../../shared/checks/finding';
import type { VerifyOptions } from '../../shared/checks/verify-options';
import type { Plan } from '../../shared/model/plan';

/**
 * DNS facts other groups can wait for, settled once the DNS groups have them. They never reject:
 * a fact that could not be found resolves with what is known (possibly nothing).
 */
export interface SharedFacts {
  /** The mail host's addresses as published (A and AAAA), else the plan's IPs. */
  mailHostAddresses(): Promise<string[]>;
  /** The PTR names of one server address (empty when none or unknown). */
  ptrNames(ip: string): Promise<string[]>;
}

/** What a probe group gets from the orchestrator. */
export interface ProbeGroupContext {
  plan: Plan;
  options: VerifyOptions;
  /** Aborts on cancel; every network operation of the group must honour it. */
  signal: AbortSignal;
  facts: SharedFacts;
  /** Say a check began for a subject (the progress stream shows it). */
  started(check: string, subject: string): void;
  /** Hand over one finding; the orchestrator streams it and puts it in the run's document. */
  emit(finding: Finding): void;
  /** A note for the progress line while waiting ("waiting for the greeting..."). */
  note(message: string): void;
}

/**
 * A group of checks with its own probes, run beside the DNS groups: SMTP plugs in as one. A group
 * must emit one finding per check and subject it started, `unknown` with the reason when its
 * probe could not run; it should not throw (a throw becomes `unknown` findings for its checks).
 */
export interface ProbeGroup {
  /** e.g. "smtp". */
  id: string;
  /** The check ids it may emit (catalogue ids). */
  checks: readonly CheckId[];
  /** Whether the options turn it off (e.g. --no-smtp); a skipped group emits nothing. */
  enabled?(options: VerifyOptions): boolean;
  run(ctx: ProbeGroupContext): Promise<void>;
}
