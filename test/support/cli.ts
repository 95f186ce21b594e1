/** Runs the `kvalita` command line from source, as a user would, in a child process. */
import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const entry = path.join(root, 'src/cli/main.ts');

/** What a finished command printed and returned. */
export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Where the command keeps its data: a data directory, or PostgreSQL. */
export interface CliTarget {
  dataDir: string;
  databaseUrl?: string | undefined;
}

function environment(target: CliTarget): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, KVALITA_DATA_DIR: target.dataDir };
  delete env.DATABASE_URL;
  if (target.databaseUrl) env.DATABASE_URL = target.databaseUrl;
  return env;
}

/** Starts `kvalita ARGS…` and returns the running process. */
export function startCli(args: string[], target: CliTarget): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', entry, ...args], {
    cwd: root,
    env: environment(target),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Runs `kvalita ARGS…` to the end. */
export function runCli(args: string[], target: CliTarget): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = startCli(args, target);
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr?.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
