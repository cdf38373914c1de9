import { homedir } from 'node:os';
import { posix, win32 } from 'node:path';

const APP_DIRECTORY = 'yunwei-desk';
/**
 * The server keeps to its own folder inside the app's directory, apart from anything the desktop app
 * stores there; it holds the embedded database and its lock file.
 */
const SERVER_DIRECTORY = 'server';

/**
 * Where the server keeps its data when no directory is given: the user's application-data directory
 * of the platform (Windows %APPDATA%, macOS ~/Library/Application Support, elsewhere
 * $XDG_DATA_HOME or ~/.local/share).
 */
export function defaultDataDir(
  env: Readonly<Record<string, string | undefined>> = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string {
  if (platform === 'win32') {
    const appData = nonEmpty(env.APPDATA) ?? win32.join(home, 'AppData', 'Roaming');
    return win32.join(appData, APP_DIRECTORY, SERVER_DIRECTORY);
  }
  if (platform === 'darwin') {
    return posix.join(home, 'Library', 'Application Support', APP_DIRECTORY, SERVER_DIRECTORY);
  }
  // The XDG spec says a relative $XDG_DATA_HOME is invalid and must be ignored.
  const xdgDataHome = nonEmpty(env.XDG_DATA_HOME);
  const base =
    xdgDataHome !== undefined && posix.isAbsolute(xdgDataHome)
      ? xdgDataHome
      : posix.join(home, '.local', 'share');
  return posix.join(base, APP_DIRECTORY, SERVER_DIRECTORY);
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}
