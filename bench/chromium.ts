/**
 * How every bench launches Debian's Chromium (never a downloaded one): CHROMIUM_PATH or
 * /usr/bin/chromium, with the flags that keep it from calling out on a closed network.
 */
export const CHROMIUM_LAUNCH = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true as const,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
};
