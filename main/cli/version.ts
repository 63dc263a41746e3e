/** The version printed by the CLI and the app (kept in step with package.json by the build). */
export const VERSION: string =
  typeof __MAILWRIGHT_VERSION__ === 'string' ? __MAILWRIGHT_VERSION__ : '0.0.0-dev';

declare const __MAILWRIGHT_VERSION__: string | undefined;
