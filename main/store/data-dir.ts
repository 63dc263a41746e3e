import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * The default folder for projects, shared by the desktop app, browser mode and the CLI so a
 * project made in one opens in the others: `$XDG_CONFIG_HOME/mailwright` (or ~/.config/mailwright)
 * on Linux, ~/Library/Application Support/mailwright on macOS, %APPDATA%\mailwright on Windows.
 * `MAILWRIGHT_DATA` or `--data DIR` override it.
 */
export function defaultDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform = process.platform,
): string {
  if (env.MAILWRIGHT_DATA) return env.MAILWRIGHT_DATA;
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'mailwright');
  if (platform === 'win32')
    return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'mailwright');
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'mailwright');
}
