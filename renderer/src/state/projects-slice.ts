import type { StateCreator } from 'zustand';
import type { Project, ProjectSummary, StoreProblem } from '../../../shared/model/project';
import { api } from './api-ref';
import type { AppState } from './app-store';

/** The list of projects. */
export interface ProjectsSlice {
  projects: ProjectSummary[];
  problems: StoreProblem[];
  projectsLoaded: boolean;
  projectsError: string | null;
  loadProjects(): Promise<void>;
  createProject(name: string): Promise<Project | string>;
  renameProject(id: string, name: string): Promise<string | null>;
  duplicateProject(id: string): Promise<string | null>;
  deleteProject(id: string): Promise<string | null>;
}

/** Build the projects slice. Actions return an error message (or null) for the UI to show. */
export const createProjectsSlice: StateCreator<AppState, [], [], ProjectsSlice> = (set, get) => ({
  projects: [],
  problems: [],
  projectsLoaded: false,
  projectsError: null,
  async loadProjects() {
    const r = await api().call('projects.list', {});
    if (r.ok)
      set({
        projects: r.value.projects,
        problems: r.value.problems,
        projectsLoaded: true,
        projectsError: null,
      });
    else set({ projectsLoaded: true, projectsError: r.error.message });
  },
  async createProject(name) {
    const r = await api().call('projects.create', { name });
    if (!r.ok) return r.error.message;
    await get().loadProjects();
    return r.value;
  },
  async renameProject(id, name) {
    const r = await api().call('projects.rename', { id, name });
    if (!r.ok) return r.error.message;
    const current = get().project;
    if (current?.id === id) set({ project: { ...current, name: r.value.name } });
    await get().loadProjects();
    return null;
  },
  async duplicateProject(id) {
    const r = await api().call('projects.duplicate', { id });
    if (!r.ok) return r.error.message;
    await get().loadProjects();
    return null;
  },
  async deleteProject(id) {
    const r = await api().call('projects.delete', { id });
    if (!r.ok) return r.error.message;
    if (get().project?.id === id) set({ project: null });
    await get().loadProjects();
    return null;
  },
});
