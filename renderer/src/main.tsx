import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { HashRouter, Navigate, Route, Routes } from 'react-router';
import { detectApiClient } from './api/api-client';
import { setApi } from './state/api-ref';
import { ProjectsLayout } from './app/ProjectsLayout';
import { useAppStore } from './state/app-store';
import './styles.css';

const client = detectApiClient();
setApi(client);
client.on('projects.changed', () => void useAppStore.getState().loadProjects());

// A project's steps load on the way there: the list of projects, the first screen, paints
// without the wizard's code. The declarative router is enough here (no loaders or actions) and
// keeps the data router's code out of the bundle.
const ProjectLayout = lazy(() =>
  import('./app/ProjectLayout').then((m) => ({ default: m.ProjectLayout })),
);

// Hash routes work the same under mailwright://app/ and http://127.0.0.1/?token=…, and keep the query intact.
function AppRoutes() {
  return (
    <HashRouter>
      <Routes>
        <Route path="/" element={<Navigate to="/projects" replace />} />
        <Route path="/projects" element={<ProjectsLayout />} />
        <Route
          path="/p/:projectId/:step"
          element={
            // Opening a project's address directly (a reload) waits for that chunk: say so.
            <Suspense fallback={<p role="status">Opening the project…</p>}>
              <ProjectLayout />
            </Suspense>
          }
        />
        <Route path="*" element={<Navigate to="/projects" replace />} />
      </Routes>
    </HashRouter>
  );
}

window.addEventListener('beforeunload', () => void useAppStore.getState().flushSave());

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <AppRoutes />
  </StrictMode>,
);
