import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createHashRouter, Navigate, RouterProvider } from 'react-router';
import { detectApiClient } from './api/api-client';
import { setApi } from './state/api-ref';
import { ProjectsLayout } from './app/ProjectsLayout';
import { useAppStore } from './state/app-store';
import './styles.css';

const client = detectApiClient();
setApi(client);
client.on('projects.changed', () => void useAppStore.getState().loadProjects());

// Hash routes work the same under mailwright://app/ and http://127.0.0.1/?token=…, and keep the query intact.
const router = createHashRouter([
  { path: '/', element: <Navigate to="/projects" replace /> },
  { path: '/projects', element: <ProjectsLayout /> },
  // A project's steps load on the way there (the router waits, so nothing flashes): the list of
  // projects, the first screen, paints without the wizard's code.
  {
    path: '/p/:projectId/:step',
    lazy: () => import('./app/ProjectLayout').then((m) => ({ Component: m.ProjectLayout })),
    // Opening a project's address directly (a reload) waits for that chunk: say so, and the
    // router does not warn in the console about having nothing to show meanwhile.
    hydrateFallbackElement: <p role="status">Opening the project…</p>,
  },
  { path: '*', element: <Navigate to="/projects" replace /> },
]);

window.addEventListener('beforeunload', () => void useAppStore.getState().flushSave());

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <RouterProvider router={router} />
  </StrictMode>,
);
