import type { ApiClient } from '../api/api-client';

let current: ApiClient | null = null;

/** Set the API client once at start (main.tsx), before the first render. */
export function setApi(api: ApiClient): void {
  current = api;
}

/** The API client; throws when used before setApi, which is a programming error. */
export function api(): ApiClient {
  if (!current) throw new Error('API client used before start-up');
  return current;
}
