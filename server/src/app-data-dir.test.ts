import { describe, expect, it } from 'vitest';
import { defaultDataDir } from './app-data-dir';

describe('defaultDataDir', () => {
  it('uses %APPDATA% on Windows', () => {
    expect(defaultDataDir({ APPDATA: 'C:\\Users\\li\\AppData\\Roaming' }, 'win32', 'C:\\Users\\li')).toBe(
      'C:\\Users\\li\\AppData\\Roaming\\yunwei-desk\\server',
    );
  });

  it('falls back to the roaming profile folder when %APPDATA% is unset on Windows', () => {
    expect(defaultDataDir({}, 'win32', 'C:\\Users\\li')).toBe(
      'C:\\Users\\li\\AppData\\Roaming\\yunwei-desk\\server',
    );
  });

  it('uses Application Support on macOS', () => {
    expect(defaultDataDir({ XDG_DATA_HOME: '/ignored' }, 'darwin', '/Users/li')).toBe(
      '/Users/li/Library/Application Support/yunwei-desk/server',
    );
  });

  it('uses $XDG_DATA_HOME on Linux, or ~/.local/share without it', () => {
    expect(defaultDataDir({ XDG_DATA_HOME: '/data/li' }, 'linux', '/home/li')).toBe(
      '/data/li/yunwei-desk/server',
    );
    expect(defaultDataDir({}, 'linux', '/home/li')).toBe('/home/li/.local/share/yunwei-desk/server');
  });

  it('ignores an empty or relative $XDG_DATA_HOME, as the XDG spec requires', () => {
    for (const XDG_DATA_HOME of ['', 'relative/dir']) {
      expect(defaultDataDir({ XDG_DATA_HOME }, 'linux', '/home/li')).toBe(
        '/home/li/.local/share/yunwei-desk/server',
      );
    }
  });
});
