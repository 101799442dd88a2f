// What the differential tests share: the command line (DRIVER [NODE_MODULES_DIR] [--cases N]
// [--seed S]), loading npm's semver, and the seeded generator (mulberry32) a run is reproduced with.
import { createRequire } from 'node:module';
import path from 'node:path';

// Exits 2 with the usage line when DRIVER is missing.
export function options(script, defaults) {
  const args = process.argv.slice(2);
  const flag = (name, fallback) => {
    const i = args.indexOf(name);
    if (i < 0) return fallback;
    const value = args[i + 1];
    args.splice(i, 2);
    return value;
  };
  const total = Number(flag('--cases', defaults.cases));
  const seed = Number(flag('--seed', defaults.seed));
  const [driver, modulesArg] = args;
  if (!driver) {
    console.error(`usage: node ${script} DRIVER [NODE_MODULES_DIR] [--cases N] [--seed S]`);
    process.exit(2);
  }
  return { total, seed, driver, modulesDir: modulesArg || process.env.RELPLAN_NPM };
}

// npm's semver from NODE_MODULES_DIR, else as NODE_PATH resolves it; exits 2 when there is none.
export function loadSemver(modulesDir) {
  try {
    try {
      return createRequire(modulesDir ? path.join(path.resolve(modulesDir), 'noop.js') : import.meta.url)('semver');
    } catch (e) {
      if (!modulesDir) throw e;
      return createRequire(import.meta.url)('semver');
    }
  } catch (e) {
    console.error(`cannot load npm semver (${e.message}); pass its node_modules directory or set NODE_PATH`);
    process.exit(2);
  }
}

export function generator(seed) {
  let state = seed >>> 0;
  const rnd = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n) => Math.floor(rnd() * n);
  const pick = (xs) => xs[int(xs.length)];
  const chance = (p) => rnd() < p;
  return { rnd, int, pick, chance };
}
