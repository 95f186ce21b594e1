/**
 * Fair samples for the QA queue: N conversations per agent chosen at random but reproducibly
 * (the same seed and candidates give the same sample in any order), and an even spread of the
 * sample over reviewers that never gives anyone their own conversations.
 */

/** A conversation that may be sampled. */
export interface SamplingCandidate {
  conversationId: number;
  agentId: number;
}

/** A reviewer who can take conversations, with the open assignments they already have. */
export interface ReviewerLoad {
  userId: number;
  /** The agent this reviewer is, if any: they never get that agent's conversations. */
  agentId: number | null;
  load: number;
}

/** One conversation given to one reviewer. */
export interface Assignment {
  conversationId: number;
  agentId: number;
  reviewerUserId: number;
}

// FNV-1a over the text, for a 32-bit seed.
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

// mulberry32: small, fast and good enough to shuffle a sample.
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * For each agent, `perAgent` of their candidates (all of them when they have fewer), chosen
 * uniformly at random from `seed`, less what `alreadySampled` says the agent has in this period
 * (so a repeated run adds nothing and a later run only tops up). Ordered by agent, then id.
 */
export function samplePerAgent(
  candidates: readonly SamplingCandidate[],
  perAgent: number,
  seed: string,
  alreadySampled: ReadonlyMap<number, number> = new Map(),
): SamplingCandidate[] {
  const byAgent = new Map<number, number[]>();
  for (const candidate of candidates) {
    const list = byAgent.get(candidate.agentId) ?? [];
    list.push(candidate.conversationId);
    byAgent.set(candidate.agentId, list);
  }
  const picked: SamplingCandidate[] = [];
  for (const agentId of [...byAgent.keys()].sort((a, b) => a - b)) {
    // Sorting first makes the sample independent of the order the candidates came in.
    const ids = [...new Set(byAgent.get(agentId))].sort((a, b) => a - b);
    const next = random(hash(`${seed}:${agentId}`));
    // Partial Fisher–Yates: the first `take` positions are a uniform sample.
    const take = Math.min(Math.max(0, perAgent - (alreadySampled.get(agentId) ?? 0)), ids.length);
    for (let i = 0; i < take; i += 1) {
      const j = i + Math.floor(next() * (ids.length - i));
      [ids[i], ids[j]] = [ids[j] as number, ids[i] as number];
    }
    for (const conversationId of ids.slice(0, take).sort((a, b) => a - b))
      picked.push({ conversationId, agentId });
  }
  return picked;
}

/**
 * Gives each conversation to the least-loaded reviewer who is not its agent (ties: the lower
 * user id), so final loads differ by at most one wherever the no-self-review rule allows.
 * Conversations no reviewer may take come back as `unassigned`.
 */
export function assignEvenly(
  picks: readonly SamplingCandidate[],
  reviewers: readonly ReviewerLoad[],
): { assignments: Assignment[]; unassigned: SamplingCandidate[] } {
  const loads = reviewers.map((reviewer) => ({ ...reviewer })).sort((a, b) => a.userId - b.userId);
  const assignments: Assignment[] = [];
  const unassigned: SamplingCandidate[] = [];
  // Conversations with fewer eligible reviewers go first, so they are not crowded out.
  const eligibleCount = (pick: SamplingCandidate) => loads.filter((r) => r.agentId !== pick.agentId).length;
  const ordered = [...picks].sort(
    (a, b) =>
      eligibleCount(a) - eligibleCount(b) || a.agentId - b.agentId || a.conversationId - b.conversationId,
  );
  for (const pick of ordered) {
    let best: (typeof loads)[number] | undefined;
    for (const reviewer of loads) {
      if (reviewer.agentId !== null && reviewer.agentId === pick.agentId) continue;
      if (!best || reviewer.load < best.load) best = reviewer;
    }
    if (!best) {
      unassigned.push(pick);
      continue;
    }
    best.load += 1;
    assignments.push({
      conversationId: pick.conversationId,
      agentId: pick.agentId,
      reviewerUserId: best.userId,
    });
  }
  return { assignments, unassigned };
}
