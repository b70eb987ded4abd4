// `npm run simulator -- [--lxca-port N] [--jp1ao-port N] [--tls] [--size N] [--latency MS] [--seed N] [--host H]`
// Starts both fake servers, prints ONE JSON line with their URLs and credentials, and runs until
// SIGINT/SIGTERM. Ports default to 0 (any free port).
import { startSimulators } from './index';
import type { RunningSimulator, SimulatorOptions } from './types';

function parseArgs(argv: string[]): { options: SimulatorOptions; latencyMs: number } {
  const options: SimulatorOptions = {};
  let latencyMs = 0;
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
      case '--latency': latencyMs = number(flag, argv[++i]); break;
      case '--host': options.host = argv[++i]; break;
      case '--tls': options.tls = true; break;
      default: throw new Error(`unknown option ${flag}`);
    }
  }
  return { options, latencyMs };
}

const describe = (sim: RunningSimulator) => ({
  url: sim.url,
  username: sim.username,
  password: sim.password,
  ...(sim.fingerprint256 ? { fingerprint256: sim.fingerprint256 } : {}),
});

async function main(): Promise<void> {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`simulator: ${(error as Error).message}\n`);
    process.exit(2);
  }
  const sims = await startSimulators(parsed.options);
  sims.lxca.faults.latencyMs = sims.jp1ao.faults.latencyMs = parsed.latencyMs;
  process.stdout.write(`${JSON.stringify({ lxca: describe(sims.lxca), jp1ao: describe(sims.jp1ao) })}\n`);
  const stop = () => void sims.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error) => {
  process.stderr.write(`simulator: ${(error as Error).stack ?? error}\n`);
  process.exit(1);
});
