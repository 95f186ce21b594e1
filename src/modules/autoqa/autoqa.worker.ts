/** A worker thread that analyses batches of conversations with its own compiled engine. */
import { parentPort, workerData } from 'node:worker_threads';
import { AutoQaEngine } from '../../engine/analyze.js';
import { LEXICONS } from '../../engine/lexicons/index.js';
import type { EngineSettings } from '../../engine/settings.js';
import type { EngineConversation } from '../../engine/types.js';

const engine = new AutoQaEngine(LEXICONS, (workerData as { settings: EngineSettings }).settings);

parentPort?.on('message', ({ id, conversations }: { id: number; conversations: EngineConversation[] }) => {
  try {
    parentPort?.postMessage({ id, analyses: conversations.map((c) => engine.analyze(c)) });
  } catch (error) {
    parentPort?.postMessage({
      id,
      error: error instanceof Error ? (error.stack ?? error.message) : String(error),
    });
  }
});
