import type { Served } from './serve-fixture';

/**
 * Call the contract the way the renderer does in browser mode (POST /api/call/<name> with the
 * page's token). A refused call throws, with main's error code on the error.
 */
export async function callApi<T = Record<string, unknown>>(
  served: Served,
  name: string,
  request: unknown,
): Promise<T> {
  const url = new URL(served.url);
  const res = await fetch(`${url.origin}/api/call/${name}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-mailwright-token': url.searchParams.get('token') ?? '',
    },
    body: JSON.stringify(request),
    signal: AbortSignal.timeout(10_000),
  });
  const body = (await res.json()) as
    { ok: true; value: T } | { ok: false; error: { code: string; message: string } };
  if (!body.ok) {
    throw Object.assign(new Error(`${name}: ${body.error.message}`), { code: body.error.code });
  }
  return body.value;
}

/**
 * Make a project the way the app does (projects.create, then projects.save with its draft and
 * the step it opens at); returns its id.
 */
export async function makeProject(
  served: Served,
  name: string,
  step: string,
  draft: Record<string, unknown>,
): Promise<string> {
  const project = await callApi(served, 'projects.create', { name });
  await callApi(served, 'projects.save', { project: { ...project, step, draft } });
  return String(project.id);
}
