// Finds a Chromium for tests and benchmarks: $CHROME_PATH, else Debian's /usr/bin/chromium, else the one
// shipped inside the @sparticuz/chromium npm package (nothing is downloaded at run time).
import { existsSync } from 'node:fs';

/** Flags for headless Chromium on a closed network, as root, in a container. */
export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run', '--disable-quic', '--disable-features=Translate,MediaRouter', '--lang=zh-TW',
];

export async function findChromium() {
  for (const candidate of [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome']) {
    if (candidate && existsSync(candidate)) return { executablePath: candidate, headless: true };
  }
  try {
    const { default: packaged } = await import('@sparticuz/chromium');
    return { executablePath: await packaged.executablePath(), headless: 'shell' };
  } catch (error) {
    throw new Error(`No Chromium found: install Debian's (apt-get install -y chromium), set CHROME_PATH, or npm install @sparticuz/chromium. (${error.message})`);
  }
}
