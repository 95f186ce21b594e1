/**
 * The large data set the analytics and list benchmarks share: demo conversations spread over 500
 * agents in 25 teams, written once to `.bench/kpi-<count>.jsonl` and reused by later runs.
 */
import fs from 'node:fs';
import path from 'node:path';
import { generateDemoConversations } from '../src/modules/demo/demo.generator.js';

/** Agents the conversations are spread over. */
export const AGENTS = 500;
/** Teams of 20 agents each. */
export const TEAMS = 25;

/** The path of the data set of `count` conversations in `workDir`, written first when missing. */
export async function kpiDataset(
  workDir: string,
  count: number,
  say: (line: string) => void,
): Promise<string> {
  const file = path.join(workDir, `kpi-${count}.jsonl`);
  if (fs.existsSync(file)) return file;
  const started = performance.now();
  say(`generating ${count} conversations over ${AGENTS} agents to ${file} …`);
  const out = fs.createWriteStream(`${file}.part`, { encoding: 'utf8', highWaterMark: 1 << 20 });
  let chunk = '';
  let n = 0;
  for (const conversation of generateDemoConversations({ seed: 11, count })) {
    const record = conversation as unknown as Record<string, unknown>;
    const original = record.agent as { id: string } | undefined;
    if (original) {
      // Each demo agent's work is shared by a group of agents, who keep its language and channels.
      const agent = ((Number(original.id.replace(/\D/g, '')) - 1) * 17 + (n % 17)) % AGENTS;
      record.agent = {
        id: `b-${agent}`,
        name: `Agent ${agent}`,
        team: `Team ${Math.floor(agent / (AGENTS / TEAMS))}`,
      };
    }
    chunk += `${JSON.stringify(record)}\n`;
    n += 1;
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
      chunk = '';
    }
  }
  out.write(chunk);
  await new Promise<void>((resolve, reject) =>
    out.end((error?: Error | null) => (error ? reject(error) : resolve())),
  );
  fs.renameSync(`${file}.part`, file);
  say(`  generated in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return file;
}
