// `npm run simulator -- [--lxca-port N] [--jp1ao-port N] [--tls] [--size N] [--seed N] [--host H]`
//   [--first-id N] [--exit-when-idle SECONDS] [--response-wait-after-ms MS] [--help]
//   faults for the whole run, on both servers:
//   [--latency MS] [--fail STATUS[:COUNT]] [--unavailable] [--drop-connections]
//   [--body html|text|truncated|huge] [--expire-sessions-every SECONDS]
//   server variants (docs/api/*.md; the first value is the default):
//   [--lxca-job-shape tasks|jobs] [--lxca-login-failure 401|400|403] [--lxca-csrf-in cookie|body]
//   [--jp1ao-paging limit|ignore|reject] [--jp1ao-time-offset plain|colon]
//   [--jp1ao-invoke-shape standard|reference] [--lxca-hook-cancel cancel|register]
//   [--jp1ao-stop-ignored] (a stop answers success and the task stays In Progress)
//   [--jp1ao-status-words camel|pascal|upper|display] [--jp1ao-long-running] [--jp1ao-filter match|strict|empty]
// Starts both fake servers, prints ONE JSON line with their URLs and credentials, and runs until
// SIGINT/SIGTERM. Ports default to 0 (any free port).
import { startSimulators } from './index';
import { type Faults, type RunningSimulator, type SimulatorOptions, type SimulatorVariants, variantChoices } from './types';

const bodyFaults = ['html', 'text', 'truncated', 'huge'] as const;

/** `--lxca-job-shape` → `lxcaJobShape`, and so on for every variant. */
const variantFlags = new Map(
  (Object.keys(variantChoices) as (keyof SimulatorVariants)[]).map((key) => [`--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`, key]),
);

function parseVariant(flag: string, key: keyof SimulatorVariants, value: string | undefined): SimulatorVariants[typeof key] {
  const choices: readonly (string | number | boolean)[] = variantChoices[key];
  const chosen = choices.find((choice) => String(choice) === value);
  if (chosen === undefined) throw new Error(`${flag} takes one of ${choices.join(', ')}`);
  return chosen as SimulatorVariants[typeof key];
}

/** `--help`: every switch, with what it takes and does. */
function usage(): string {
  const switchOf = (key: keyof SimulatorVariants) => (variantChoices[key].includes(true as never) ? '' : ` ${variantChoices[key].join('|')}`);
  const variants = [...variantFlags].map(([flag, key]) => `  ${flag}${switchOf(key)}`.padEnd(52) + `server variant (first = default)`);
  return [
    'Usage: npm run simulator -- [options]',
    '',
    'Starts the fake LXCA and JP1/AO servers on loopback, prints ONE JSON line',
    '{"lxca": {"url", "username", "password"}, "jp1ao": {...}} and runs until Ctrl+C.',
    '',
    'Options:',
    '  --lxca-port N                                     LXCA port (0 = any free port, the default)',
    '  --jp1ao-port N                                    JP1/AO port (0 = any free port, the default)',
    '  --host H                                          address to listen on (default 127.0.0.1)',
    '  --tls                                             HTTPS with a generated self-signed certificate',
    '  --size N                                          how many jobs/tasks each server starts with',
    '  --seed N                                          seed of the generated data (same seed, same data)',
    '  --first-id N                                      first job/task id to give (default 1)',
    '  --exit-when-idle SECONDS                          exit once no request came for this long',
    '  --response-wait-after-ms MS                       one JP1/AO task starts waiting for a response this long after the start',
    'Faults, on both servers for the whole run:',
    '  --latency MS                                      delay every answer',
    '  --fail STATUS[:COUNT]                             answer STATUS to the next COUNT requests (all when no COUNT)',
    '  --unavailable                                     answer every call 412 with the vendor\'s error body',
    '  --drop-connections                                close connections without answering',
    `  --body ${bodyFaults.join('|')}`.padEnd(52) + 'send broken answer bodies',
    '  --expire-sessions-every SECONDS                   sign every session out this often',
    'Server variants (docs/api/*.md):',
    ...variants,
    '  --help, -h                                        print this and exit',
  ].join('\n');
}

interface RunFaults extends Partial<Faults> {
  expireSessionsEverySeconds?: number;
}

/** How the process runs, besides the servers. */
interface RunOptions {
  /** Exit once neither server has had a request for this long (the demo outlives no window). */
  exitWhenIdleSeconds?: number;
}

function parseArgs(argv: string[]): { options: SimulatorOptions; faults: RunFaults; run: RunOptions } {
  const options: SimulatorOptions = {};
  const faults: RunFaults = {};
  const run: RunOptions = {};
  const number = (flag: string, value: string | undefined): number => {
    const parsed = Number(value);
    if (value === undefined || !Number.isInteger(parsed) || parsed < 0) throw new Error(`${flag} needs a non-negative integer`);
    return parsed;
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    switch (flag) {
      case '--lxca-port': options.lxcaPort = number(flag, argv[++i]); break;
      case '--jp1ao-port': options.jp1aoPort = number(flag, argv[++i]); break;
      case '--size': options.size = number(flag, argv[++i]); break;
      case '--seed': options.seed = number(flag, argv[++i]); break;
      case '--first-id': options.firstId = number(flag, argv[++i]); break;
      case '--response-wait-after-ms': options.responseWaitAfterMs = number(flag, argv[++i]); break;
      case '--exit-when-idle': run.exitWhenIdleSeconds = number(flag, argv[++i]); break;
      case '--latency': faults.latencyMs = number(flag, argv[++i]); break;
      case '--fail': {
        const [status, count] = (argv[++i] ?? '').split(':');
        faults.failNext = { status: number(flag, status), count: count === undefined ? Number.MAX_SAFE_INTEGER : number(flag, count) };
        break;
      }
      case '--unavailable': faults.unavailable = true; break;
      case '--drop-connections': faults.dropConnections = true; break;
      case '--body': {
        const body = argv[++i] as (typeof bodyFaults)[number];
        if (!bodyFaults.includes(body)) throw new Error(`--body takes one of ${bodyFaults.join(', ')}`);
        faults.body = body;
        break;
      }
      case '--expire-sessions-every': faults.expireSessionsEverySeconds = number(flag, argv[++i]); break;
      case '--host': options.host = argv[++i]; break;
      case '--tls': options.tls = true; break;
      case '--jp1ao-stop-ignored': options.variants = { ...options.variants, jp1aoStopIgnored: true }; break;
      default: {
        const key = variantFlags.get(flag);
        if (!key) throw new Error(`unknown option ${flag} (--help lists them)`);
        // A switch that is on or off (`--jp1ao-long-running`) takes no value.
        const value = variantChoices[key].includes(true as never) ? true : parseVariant(flag, key, argv[++i]);
        options.variants = { ...options.variants, [key]: value };
      }
    }
  }
  return { options, faults, run };
}

const describe = (sim: RunningSimulator) => ({
  url: sim.url,
  username: sim.username,
  password: sim.password,
  ...(sim.fingerprint256 ? { fingerprint256: sim.fingerprint256 } : {}),
});

/** Exits once neither server has recorded a request for `idleMs`; the request logs are trimmed as they are read. */
function exitWhenIdle(sims: { lxca: RunningSimulator; jp1ao: RunningSimulator; close(): Promise<void> }, idleMs: number): void {
  let lastRequest = Date.now();
  const timer = setInterval(() => {
    for (const sim of [sims.lxca, sims.jp1ao]) {
      if (sim.requests.length) lastRequest = Date.now();
      sim.clearRequests();
    }
    if (Date.now() - lastRequest >= idleMs) {
      clearInterval(timer);
      void sims.close().then(() => process.exit(0));
    }
  }, Math.min(1000, idleMs));
}

async function main(): Promise<void> {
  if (process.argv.includes('--help') || process.argv.includes('-h')) {
    process.stdout.write(`${usage()}\n`);
    return;
  }
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`simulator: ${(error as Error).message}\n`);
    process.exit(2);
  }
  const sims = await startSimulators(parsed.options);
  const { expireSessionsEverySeconds, ...faults } = parsed.faults;
  for (const sim of [sims.lxca, sims.jp1ao]) {
    Object.assign(sim.faults, faults);
    if (expireSessionsEverySeconds) setInterval(() => sim.expireSessions(), expireSessionsEverySeconds * 1000).unref();
  }
  process.stdout.write(`${JSON.stringify({ lxca: describe(sims.lxca), jp1ao: describe(sims.jp1ao) })}\n`);
  if (parsed.run.exitWhenIdleSeconds) exitWhenIdle(sims, parsed.run.exitWhenIdleSeconds * 1000);
  const stop = () => void sims.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error) => {
  process.stderr.write(`simulator: ${(error as Error).stack ?? error}\n`);
  process.exit(1);
});
