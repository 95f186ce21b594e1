/** Loading the demo data set into the store, through the same validation and writer as an import. */
import type { Database } from '../../db/database.js';
import type { ConversationInput } from '../conversations/conversations.schema.js';
import { emptySummary, type ImportSummary, storeItems, storeWriter } from '../ingest/ingest.service.js';
import type { SourceItem } from '../ingest/ingest.source.js';
import { generateDemoConversations } from './demo.generator.js';

/** Size and seed of a demo data set. */
export interface DemoLoadOptions {
  count: number;
  seed: number;
}

function* asItems(conversations: Iterable<ConversationInput>): Generator<SourceItem> {
  let line = 0;
  for (const raw of conversations) {
    line += 1;
    yield { line, raw, original: raw };
  }
}

/** Generates `count` demo conversations and stores them; `onBatch` gets the running counts. */
export async function loadDemo(
  database: Database,
  options: DemoLoadOptions,
  onBatch?: (summary: ImportSummary) => void,
): Promise<ImportSummary> {
  const summary = emptySummary();
  const rejected: string[] = [];
  await storeItems(
    await storeWriter(database),
    asItems(generateDemoConversations({ seed: options.seed, count: options.count })),
    summary,
    {
      onBatch: () => onBatch?.(summary),
      onReject: (line, errors) => rejected.push(`demo item ${line}: ${JSON.stringify(errors)}`),
    },
  );
  // The generator is ours: an item it makes that fails validation is a bug, not bad input.
  if (rejected.length > 0)
    throw new Error(`demo data failed validation:\n${rejected.slice(0, 5).join('\n')}`);
  return summary;
}
