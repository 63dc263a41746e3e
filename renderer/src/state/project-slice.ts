import type { StateCreator } from 'zustand';
import { isSmtpFinding } from '../../../shared/model/step-marks';
import type { CheckDocument } from '../../../shared/checks/verify-progress';
import type { MessageResult } from '../../../shared/checks/message-result';
import type { Draft, Project } from '../../../shared/model/project';
import type { StepId } from '../../../shared/model/steps';
import { api } from './api-ref';
import type { AppState } from './app-store';

/** How the last save went, shown next to the step title. */
export type SaveState = 'idle' | 'pending' | 'saving' | 'saved' | 'error';

/** The open project and its autosave. */
export interface ProjectSlice {
  project: Project | null;
  projectError: string | null;
  saveState: SaveState;
  saveError: string | null;
  /** The open project's newest check (the step list's marks come from it); null before any. */
  lastRun: { projectId: string; document: CheckDocument } | null;
  /** The project's last test-message result (the Test message step, its mark, the Summary). */
  lastMessage: { projectId: string; result: MessageResult } | null;
  /** Remember a test-message result just checked. */
  noteMessage(projectId: string, result: MessageResult): void;
  /** The newest run that also checked the mail server (the Verify step's), for Verify's mark. */
  lastWholeRun: { projectId: string; document: CheckDocument } | null;
  openProject(id: string): Promise<void>;
  /** A check of the open project finished: it is now the newest. */
  noteRun(projectId: string, document: CheckDocument): void;
  updateDraft(patch: Partial<Draft>): void;
  setStep(step: StepId): void;
  flushSave(): Promise<void>;
}

/** Typing is saved this long after the last keystroke. */
export const SAVE_DELAY_MS = 400;

/** Build the project slice: every change is saved (debounced) through the contract. */
export const createProjectSlice: StateCreator<AppState, [], [], ProjectSlice> = (set, get) => {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let inFlight: Promise<void> | null = null;
  let dirtySince = 0;

  async function save(): Promise<void> {
    timer = null;
    const project = get().project;
    if (!project) return;
    const startedAt = Date.now();
    set({ saveState: 'saving' });
    const r = await api().call('projects.save', { project });
    if (!r.ok) {
      set({ saveState: 'error', saveError: r.error.message });
      return;
    }
    // Keep edits made while this save was travelling; take only the server's timestamp.
    const now = get().project;
    if (now && now.id === project.id) set({ project: { ...now, updatedAt: r.value.updatedAt } });
    set({ saveState: dirtySince > startedAt ? 'pending' : 'saved', saveError: null });
  }

  function schedule(delay = SAVE_DELAY_MS): void {
    dirtySince = Date.now();
    set({ saveState: 'pending' });
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      inFlight = save().finally(() => (inFlight = null));
    }, delay);
  }

  return {
    project: null,
    projectError: null,
    saveState: 'idle',
    saveError: null,
    lastRun: null,
    lastMessage: null,
    noteMessage(projectId, result) {
      if (get().project?.id === projectId) set({ lastMessage: { projectId, result } });
    },
    lastWholeRun: null,
    async openProject(id) {
      if (get().project?.id === id) return;
      await get().flushSave();
      const r = await api().call('projects.get', { id });
      if (r.ok) set({ project: r.value, projectError: null, saveState: 'idle', saveError: null });
      else set({ project: null, projectError: r.error.message });
      set({ lastRun: null, lastWholeRun: null, lastMessage: null });
      if (!r.ok) return;
      void api()
        .call('message.last', { projectId: id })
        .then((m) => {
          if (m.ok && m.value && get().project?.id === id && get().lastMessage === null)
            set({ lastMessage: { projectId: id, result: m.value } });
        });
      // The marks can wait for the history: the step shows first.
      const runs = await api().call('runs.list', { projectId: id });
      const list = runs.ok ? runs.value.runs : [];
      // The newest run, and (a few back at most) the newest that also checked the mail server.
      for (const [i, entry] of list.slice(0, 6).entries()) {
        const doc = await api().call('runs.get', { projectId: id, runId: entry.id });
        // A run made meanwhile (or another project opened) wins over this older answer.
        if (!doc.ok || get().project?.id !== id) return;
        const found = { projectId: id, document: doc.value };
        if (i === 0 && get().lastRun === null) set({ lastRun: found });
        if (doc.value.findings.some(isSmtpFinding)) {
          if (get().lastWholeRun === null) set({ lastWholeRun: found });
          return;
        }
      }
    },
    noteRun(projectId, document) {
      if (get().project?.id !== projectId) return;
      set({ lastRun: { projectId, document } });
      if (document.findings.some(isSmtpFinding)) set({ lastWholeRun: { projectId, document } });
    },
    updateDraft(patch) {
      const p = get().project;
      if (!p) return;
      set({ project: { ...p, draft: { ...p.draft, ...patch } } });
      schedule();
    },
    setStep(step) {
      const p = get().project;
      if (!p || p.step === step) return;
      set({ project: { ...p, step } });
      // Moving to a step is a deliberate action: save it now, not after the typing delay.
      schedule(0);
    },
    async flushSave() {
      if (timer) {
        clearTimeout(timer);
        await save();
      } else if (inFlight) await inFlight;
    },
  };
};
