/**
 * Rollup blocks: all cells of one grain and period stored column by column, so a query reads
 * only the sums its metrics need (a year by week of ten metrics is a few megabytes, not every
 * field of every cell), and a second, coarser level with channel, language and source added
 * together for the many questions that group and filter by neither.
 *
 * Parts of a block: `dims` (per cell: team id, agent id, channel, language and source as
 * indexes into `labels`, −1 at the coarse level), `labels` (JSON), one part per sum field, and
 * one part per duration sketch (per cell its (bucket, count) pairs sorted by bucket, after a
 * table of offsets).
 */
import { sketchQuantileOfRuns } from './quantile-sketch.js';
import { type RollupSums, SKETCHED, type Sketched, SUM_FIELDS, type SumField } from './rollup-sums.js';

/** Block levels: every dimension, or team and agent only. */
export type BlockLevel = 'full' | 'agent';

/** One cell to pack. */
export interface PackCell {
  team_id: number;
  agent_id: number;
  channel: string;
  language: string;
  source: string;
  sums: RollupSums;
}

/** The values per cell in the `dims` part. */
export const DIMS_WIDTH = 5;

/** A block's parts by name: what is stored, one row per part. */
export type BlockParts = Map<string, Uint8Array>;

const bytes = (array: Float64Array | Int32Array) =>
  new Uint8Array(array.buffer, array.byteOffset, array.byteLength);

function mergeByAgent(cells: readonly PackCell[]): PackCell[] {
  const merged = new Map<string, PackCell>();
  for (const cell of cells) {
    const id = `${cell.team_id}|${cell.agent_id}`;
    let target = merged.get(id);
    if (!target) {
      target = {
        team_id: cell.team_id,
        agent_id: cell.agent_id,
        channel: '',
        language: '',
        source: '',
        sums: {
          values: new Float64Array(SUM_FIELDS.length),
          sketches: { frt: new Map(), art: new Map(), aht: new Map() },
        },
      };
      merged.set(id, target);
    }
    for (let i = 0; i < SUM_FIELDS.length; i += 1)
      target.sums.values[i] = (target.sums.values[i] as number) + (cell.sums.values[i] as number);
    for (const kind of SKETCHED)
      for (const [bucket, count] of cell.sums.sketches[kind])
        target.sums.sketches[kind].set(bucket, (target.sums.sketches[kind].get(bucket) ?? 0) + count);
  }
  return [...merged.values()];
}

/** Packs the cells of one grain and period into the parts of a level. */
export function packBlock(cells: readonly PackCell[], level: BlockLevel): BlockParts {
  const packed = level === 'agent' ? mergeByAgent(cells) : cells;
  const labels: string[] = [];
  const index = new Map<string, number>();
  const label = (text: string) => {
    if (level === 'agent') return -1;
    let at = index.get(text);
    if (at === undefined) {
      at = labels.length;
      labels.push(text);
      index.set(text, at);
    }
    return at;
  };
  const n = packed.length;
  const dims = new Float64Array(n * DIMS_WIDTH);
  packed.forEach((cell, i) => {
    dims.set(
      [cell.team_id, cell.agent_id, label(cell.channel), label(cell.language), label(cell.source)],
      i * DIMS_WIDTH,
    );
  });
  const parts: BlockParts = new Map();
  parts.set('dims', bytes(dims));
  parts.set('labels', new TextEncoder().encode(JSON.stringify(labels)));
  SUM_FIELDS.forEach((field, f) => {
    const column = new Float64Array(n);
    packed.forEach((cell, i) => {
      column[i] = cell.sums.values[f] as number;
    });
    parts.set(field, bytes(column));
  });
  for (const kind of SKETCHED) {
    const sorted = packed.map((cell) => [...cell.sums.sketches[kind]].sort((a, b) => a[0] - b[0]));
    const pairs = sorted.reduce((total, list) => total + list.length, 0);
    const part = new Int32Array(n + 1 + pairs * 2);
    let at = n + 1;
    sorted.forEach((list, i) => {
      part[i] = at;
      for (const [bucket, count] of list) {
        part[at++] = bucket;
        part[at++] = count;
      }
    });
    part[n] = at;
    parts.set(`sketch_${kind}`, bytes(part));
  }
  return parts;
}

/** Stored bytes as Float64 values (copied when the driver's buffer is misaligned). */
export function asFloat64(data: Uint8Array): Float64Array {
  if (data.byteOffset % 8 === 0) return new Float64Array(data.buffer, data.byteOffset, data.byteLength / 8);
  return new Float64Array(new Uint8Array(data).buffer);
}

/** Stored bytes as Int32 values (copied when misaligned). */
export function asInt32(data: Uint8Array): Int32Array {
  if (data.byteOffset % 4 === 0) return new Int32Array(data.buffer, data.byteOffset, data.byteLength / 4);
  return new Int32Array(new Uint8Array(data).buffer);
}

/** The sum fields each rollup metric reads. */
export const METRIC_FIELDS: Record<string, readonly SumField[]> = {
  csat: ['csat_top', 'csat_n'],
  csat_mean: ['csat_sum', 'csat_n'],
  nps: ['nps_promoters', 'nps_detractors', 'nps_n'],
  ces: ['ces_sum', 'ces_n'],
  negative_rate: ['feedback_bottom', 'feedback_n'],
  response_rate: ['survey_answered', 'survey_asked'],
  frt: ['frt_sum', 'frt_n'],
  frt_median: ['frt_n'],
  frt_p90: ['frt_n'],
  art: ['art_sum', 'art_n'],
  art_median: ['art_n'],
  art_p90: ['art_n'],
  aht: ['aht_sum', 'aht_n'],
  aht_median: ['aht_n'],
  asa: ['asa_sum', 'asa_n'],
  abandon_rate: ['abandoned', 'offered'],
  answer_rate: ['offered', 'abandoned'],
  sla: ['sla_met', 'sla_targeted'],
  replies: ['resolved_agent_messages', 'resolved'],
  transfer_rate: ['transferred', 'transfer_known'],
  resolution_rate: ['resolved', 'conversations'],
  fcr: ['fcr', 'resolved'],
  conversion_rate: ['converted', 'outcome_known'],
  complaint_rate: ['complaints', 'conversations'],
  iqs: ['score_sum', 'scored_reviews'],
  iqs_manual: ['manual_score_sum', 'manual_scored'],
  iqs_auto: ['auto_score_sum', 'auto_scored'],
  pass_rate: ['passed', 'pass_decided'],
  autofail_rate: ['auto_failed', 'reviews'],
  coverage: ['reviewed_conversations', 'conversations'],
};

/** A reference to one cell's sorted sketch pairs inside a sketch part. */
interface SketchRun {
  part: Int32Array;
  start: number;
  end: number;
}

/** The sketch runs of one duration: each group's first run in flat arrays, further runs aside. */
interface RunsOfKind {
  parts: Array<Int32Array | undefined>;
  starts: Int32Array;
  ends: Int32Array;
  // Rare: a group spanning several cells (a month grouped from its days, say).
  more: Map<number, SketchRun[]>;
}

/**
 * Sums of many groups filled from block columns: one array for all groups, sketches kept as
 * references to the cells' sorted runs and merged only when a quantile is read. Adding a cell
 * allocates nothing: a large answer is tens of thousands of cells.
 */
export class BlockAccumulator {
  private values: Float64Array;
  private readonly runs: RunsOfKind[];
  private capacity: number;
  /** How many groups there are. */
  size = 0;

  /**
   * `fields`: the sum fields filled, by field number; `sketched`: the durations whose runs are
   * kept; `expectedGroups`: room made at once, so a large answer does not copy its sums to grow.
   */
  constructor(
    private readonly fields: readonly number[],
    private readonly sketched: readonly Sketched[],
    expectedGroups = 1024,
  ) {
    this.capacity = Math.max(1, expectedGroups);
    this.values = new Float64Array(SUM_FIELDS.length * this.capacity);
    this.runs = sketched.map(() => ({
      parts: [],
      starts: new Int32Array(this.capacity),
      ends: new Int32Array(this.capacity),
      more: new Map(),
    }));
  }

  /** A new, empty group; returns its number. */
  addGroup(): number {
    if (this.size === this.capacity) {
      this.capacity *= 2;
      const grown = new Float64Array(SUM_FIELDS.length * this.capacity);
      grown.set(this.values);
      this.values = grown;
      for (const runs of this.runs) {
        const starts = new Int32Array(this.capacity);
        starts.set(runs.starts);
        runs.starts = starts;
        const ends = new Int32Array(this.capacity);
        ends.set(runs.ends);
        runs.ends = ends;
      }
    }
    return this.size++;
  }

  /**
   * Adds cell `i` of a block, given the block's column of each of `fields` and its sketch part
   * of each of `sketched`, in the same order.
   */
  add(group: number, i: number, columns: readonly Float64Array[], sketches: readonly Int32Array[]): void {
    const base = group * SUM_FIELDS.length;
    const values = this.values;
    const fields = this.fields;
    for (let k = 0; k < fields.length; k += 1) {
      const at = base + (fields[k] as number);
      values[at] = (values[at] as number) + ((columns[k] as Float64Array)[i] as number);
    }
    for (let k = 0; k < this.runs.length; k += 1) {
      const part = sketches[k] as Int32Array;
      const start = part[i] as number;
      const end = part[i + 1] as number;
      if (end === start) continue;
      const runs = this.runs[k] as RunsOfKind;
      if (runs.parts[group] === undefined) {
        runs.parts[group] = part;
        runs.starts[group] = start;
        runs.ends[group] = end;
      } else {
        const more = runs.more.get(group);
        if (more) more.push({ part, start, end });
        else runs.more.set(group, [{ part, start, end }]);
      }
    }
  }

  /** A group's sums; quantiles come from its sketch runs. */
  sums(group: number): RollupSums {
    const quantiles: Partial<Record<Sketched, (p: number) => number | null>> = {};
    this.sketched.forEach((kind, k) => {
      const runs = this.runs[k] as RunsOfKind;
      const part = runs.parts[group];
      const list: SketchRun[] =
        part === undefined
          ? []
          : [
              { part, start: runs.starts[group] as number, end: runs.ends[group] as number },
              ...(runs.more.get(group) ?? []),
            ];
      quantiles[kind] = (p) => sketchQuantileOfRuns(list, p);
    });
    return { values: this.values, offset: group * SUM_FIELDS.length, sketches: NO_SKETCHES, quantiles };
  }
}

// Groups read from blocks carry their quantiles instead; nothing is ever added to these.
const NO_SKETCHES: RollupSums['sketches'] = { frt: new Map(), art: new Map(), aht: new Map() };
