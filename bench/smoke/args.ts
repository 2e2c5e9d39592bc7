/**
 * The command line of `npm run smoke:gpu`, table-driven so a new flag is one
 * entry (`FLAGS`) and one field of `SmokeOptions`. Returns a Result with a
 * message naming the bad flag; the script prints the usage with it.
 */
export interface SmokeOptions {
  model: string;
  /** Items of the built-in set to run (each under three conditions). */
  items: number;
  /** Where the comparison file goes. */
  out?: string;
  /** Show the browser window instead of running headless. */
  headed: boolean;
  /** Chromium or Chrome to launch (default /usr/bin/chromium, or CHROMIUM_PATH). */
  chromium?: string;
  /** The browser profile, where the model stays cached between runs. */
  profile?: string;
  /** Also run the speed lab: the bandwidth probe and the model's speed test (% of ceiling, runner ratio). */
  speed: boolean;
}

export const DEFAULT_ITEMS = 10;
export const MAX_ITEMS = 60;

export const USAGE = `Usage: npm run smoke:gpu -- --model <model id> [--items N] [--out file.json] [--headed] [--chromium path] [--profile dir]

  --model     a web-llm model id from the catalog, e.g. Qwen2.5-0.5B-Instruct-q4f16_1-MLC
  --items     items of the built-in "Stable facts" set (default ${DEFAULT_ITEMS}, at most ${MAX_ITEMS}),
              each asked closed-book, with context and with the tool
  --out       where to write the comparison file (default smoke-<model>-<time>.floorcheck.json)
  --headed    show the browser window
  --chromium  the Chromium or Chrome binary (default CHROMIUM_PATH or /usr/bin/chromium)
  --profile   the browser profile directory, where the model stays cached
              (default ~/.cache/floorcheck-smoke/chromium-profile)
  --speed     also run the speed lab on the model: the GPU bandwidth probe, prefill and decode
              speed at several input lengths, % of the bandwidth ceiling, and Floorcheck's runner
              against calling web-llm directly

Needs a hardware GPU with WebGPU and network access to download the model (cached afterwards).`;

type Parsed = { ok: true; value: SmokeOptions } | { ok: false; error: string };

interface Flag {
  takesValue: boolean;
  apply(options: Partial<SmokeOptions>, value: string): string | undefined;
}

const FLAGS: Record<string, Flag> = {
  '--model': {
    takesValue: true,
    apply: (o, v) => {
      o.model = v;
      return v.trim() === '' ? '--model needs a model id' : undefined;
    },
  },
  '--items': {
    takesValue: true,
    apply: (o, v) => {
      const n = Number(v);
      o.items = n;
      return Number.isInteger(n) && n >= 1 && n <= MAX_ITEMS
        ? undefined
        : `--items must be a whole number from 1 to ${MAX_ITEMS} (got "${v}")`;
    },
  },
  '--out': {
    takesValue: true,
    apply: (o, v) => {
      o.out = v;
      return undefined;
    },
  },
  '--headed': {
    takesValue: false,
    apply: (o) => {
      o.headed = true;
      return undefined;
    },
  },
  '--chromium': {
    takesValue: true,
    apply: (o, v) => {
      o.chromium = v;
      return undefined;
    },
  },
  '--profile': {
    takesValue: true,
    apply: (o, v) => {
      o.profile = v;
      return undefined;
    },
  },
  '--speed': {
    takesValue: false,
    apply: (o) => {
      o.speed = true;
      return undefined;
    },
  },
};

export function parseSmokeArgs(argv: readonly string[]): Parsed {
  const options: Partial<SmokeOptions> = { items: DEFAULT_ITEMS, headed: false, speed: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const [name = '', inline] = arg.startsWith('--') && arg.includes('=') ? arg.split(/=(.*)/s) : [arg];
    const flag = FLAGS[name];
    if (!flag) return { ok: false, error: `Unknown option "${arg}".` };
    let value = '';
    if (flag.takesValue) {
      value = inline ?? argv[++i] ?? '';
      if (value === '' || (inline === undefined && value.startsWith('--'))) {
        return { ok: false, error: `${name} needs a value.` };
      }
    }
    const problem = flag.apply(options, value);
    if (problem) return { ok: false, error: `${problem}.` };
  }
  if (!options.model) return { ok: false, error: 'Name the model with --model <model id>.' };
  return { ok: true, value: options as SmokeOptions };
}
