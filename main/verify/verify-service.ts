import { randomUUID } from 'node:crypto';
import { ApiError } from '../../shared/api/result';
import type { Plan } from '../../shared/model/plan';
import { draftToPlan } from '../../shared/model/draft-to-plan';
import { checkPlanValues } from '../../shared/model/plan-check';
import type { VerifyOptions } from '../../shared/checks/verify-options';
import type { CheckDocument, VerifyProgress } from '../../shared/checks/verify-progress';
import type { ProjectStore } from '../store/project-store';
import { RunHistory } from '../store/run-history';
import type { ViewsOptions } from '../dns/views';
import { runVerification } from './run-verification';
import type { ProbeGroup } from './probe-group';
import { storageMessage } from '../store/storage-error';
import { carryEta, carryEtas } from '../../shared/checks/eta-carry';

/** What verify.run needs beside the request: settings and injectable pieces (tests). */
export interface VerifySettings {
  /** Options applied under each request's own (e.g. the app's DQS key, a test's loopback resolvers). */
  options?: VerifyOptions;
  /** Probe groups beside the DNS ones (default: SMTP). */
  groups?: () => Promise<readonly ProbeGroup[]>;
  viewsOptions?: Partial<ViewsOptions>;
}

/**
 * The app's side of verification: runs by id (so they can be cancelled), progress forwarded with
 * the run id, and every finished run stored in its project's history.
 */
export class VerifyService {
  private readonly running = new Map<string, AbortController>();

  constructor(
    private readonly store: ProjectStore,
    private readonly settings: VerifySettings = {},
  ) {}

  /** The network settings every run uses (the test-message check uses the same). */
  networkSettings(): Pick<VerifySettings, 'options' | 'viewsOptions'> {
    return {
      ...(this.settings.options ? { options: this.settings.options } : {}),
      ...(this.settings.viewsOptions ? { viewsOptions: this.settings.viewsOptions } : {}),
    };
  }

  /** The plan of a project, derived from its draft as the wizard derives it. */
  projectPlan(projectId: string): Promise<Plan> {
    return this.planOf(projectId);
  }

  /** The run history of the store's projects. */
  history(): RunHistory {
    return new RunHistory((id) => this.store.projectDir(id));
  }

  /** Run a plan (or a project's plan) and store the result in the project's history. */
  async run(
    req: { projectId?: string; plan?: Plan; options?: VerifyOptions; runId?: string },
    onProgress: (runId: string, progress: VerifyProgress) => void,
  ): Promise<{ runId: string; stored?: string; notSaved?: string; document: CheckDocument }> {
    const plan = req.plan
      ? checkedPlan(req.plan)
      : req.projectId
        ? await this.planOf(req.projectId)
        : undefined;
    if (!plan) throw new ApiError('no-plan', 'Give a plan to check.', 'plan');
    const runId = req.runId ?? randomUUID();
    if (this.running.has(runId))
      throw new ApiError('busy', 'A check with this id is already running.', 'runId');
    const controller = new AbortController();
    this.running.set(runId, controller);
    try {
      const groups = this.settings.groups
        ? await this.settings.groups()
        : await import('./default-groups').then((m) => m.defaultProbeGroups());
      // The run before, read first, so live findings already show a carried ETA.
      const before = req.projectId ? await this.lastRun(req.projectId) : undefined;
      const previous = before?.domain === plan.domain ? before : undefined;
      const startedAt = Date.now();
      const measured = await runVerification({
        plan,
        options: { ...this.settings.options, ...req.options },
        signal: controller.signal,
        groups,
        onProgress: (p) =>
          onProgress(
            runId,
            p.type === 'check-finished'
              ? { ...p, finding: carryEta(previous, p.finding, startedAt) }
              : p,
          ),
        ...(this.settings.viewsOptions ? { viewsOptions: this.settings.viewsOptions } : {}),
      });
      if (!req.projectId) return { runId, document: measured };
      const document = carryEtas(previous, measured);
      // The results are the user's whatever the disk says: a history that cannot be written
      // (disk full, read-only folder) is a note beside them, never a lost run.
      try {
        const stored = await this.history().save(req.projectId, document);
        return { runId, stored, document };
      } catch (e) {
        return {
          runId,
          notSaved: `These results were not saved in the project's history: ${storageMessage(e)}. They are shown here until you leave this screen; export them (PDF or JSON) to keep them.`,
          document,
        };
      }
    } finally {
      this.running.delete(runId);
    }
  }

  /** The project's newest stored run that reads, if any: what a new run's ETAs are compared with. */
  private async lastRun(projectId: string): Promise<CheckDocument | undefined> {
    const history = this.history();
    const newest = await history.newest(projectId).catch(() => undefined);
    return newest ? history.get(projectId, newest.id).catch(() => undefined) : undefined;
  }

  /** Cancel a running verification; false when no run has this id. */
  cancel(runId: string): boolean {
    const c = this.running.get(runId);
    if (!c) return false;
    c.abort(new Error('cancelled'));
    return true;
  }

  private async planOf(projectId: string): Promise<Plan> {
    const project = await this.store.get(projectId);
    // The plan is derived from what the user typed, exactly as the wizard derives it.
    const derived = draftToPlan(project.draft);
    if (!derived.ok) {
      const first = derived.problems[0];
      throw new ApiError(
        'no-plan',
        `This project's plan is not complete yet: ${first ? `${first.message} (step: ${first.step})` : 'finish the earlier steps first.'}`,
        first?.field ?? 'plan',
      );
    }
    return derived.plan;
  }
}

/**
 * A plan given with the call has the contract's shape only: its values are checked (and
 * normalised) as a plan file's are, so a check never starts on "1231233" as an address.
 */
function checkedPlan(plan: Plan): Plan {
  const r = checkPlanValues(plan);
  if (!r.ok) throw new ApiError('bad-request', `${r.field}: ${r.message}`, `plan.${r.field}`);
  return r.plan;
}
