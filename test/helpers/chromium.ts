import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

/**
 * Where the browser tests find Chromium, and whether they must run. They
 * drive Debian's chromium through playwright-core, which never downloads a
 * browser: CHROMIUM_PATH, else the first `chromium` (or `chromium-browser`)
 * on PATH. Outside CI a machine without one skips them, with one line saying
 * how to run them; with CI set they are mandatory (`.ci/run` installs it).
 */
export interface BrowserPlan {
  /** the binary to launch, when there is one */
  executable: string | undefined;
  /** run the browser tests (a missing binary then fails them, loudly) */
  run: boolean;
  /** the line to print when they are skipped */
  skipped: string | undefined;
}

const NAMES = ['chromium', 'chromium-browser'];

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** CI is set to anything but '', '0' or 'false' */
export function inCi(env: NodeJS.ProcessEnv = process.env): boolean {
  const ci = env.CI?.trim().toLowerCase();
  return ci !== undefined && ci !== '' && ci !== '0' && ci !== 'false';
}

export function findChromium(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.CHROMIUM_PATH) return env.CHROMIUM_PATH;
  for (const dir of (env.PATH ?? '').split(delimiter).filter(Boolean)) {
    for (const name of NAMES) if (executable(join(dir, name))) return join(dir, name);
  }
  return undefined;
}

export function browserPlan(env: NodeJS.ProcessEnv = process.env): BrowserPlan {
  const found = findChromium(env);
  if (found || inCi(env)) return { executable: found, run: true, skipped: undefined };
  return {
    executable: undefined,
    run: false,
    skipped:
      'browser tests skipped: no Chromium on PATH; to run them install it (`apt-get install chromium` on Debian/Ubuntu) or set CHROMIUM_PATH to a Chromium binary (with CI set they are mandatory)',
  };
}

