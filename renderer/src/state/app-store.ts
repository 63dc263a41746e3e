import { create } from 'zustand';
import { createProjectsSlice, type ProjectsSlice } from './projects-slice';
import { createProjectSlice, type ProjectSlice } from './project-slice';

/** The renderer's whole state: one store built from slices. */
export type AppState = ProjectsSlice & ProjectSlice;

/** The store hook. */
export const useAppStore = create<AppState>()((...a) => ({
  ...createProjectsSlice(...a),
  ...createProjectSlice(...a),
}));
