/**
 * Recurring problems: groups complaint texts by what they are about, in any of the supported
 * languages, without an outside model. Words are folded and cut to a stem (the first five
 * letters: enough to join "delivered", "delivery" and "deliveries", Croatian "dostava",
 * "dostave", "dostavu", Russian "списали", "списание"), function words of every lexicon are
 * dropped, and texts are compared by the cosine of their TF-IDF vectors. Each text joins the
 * most similar topic when it is similar enough, else starts a new one; the same texts in the
 * same order give the same topics.
 */
import { isNumberToken, tokenize } from './text/tokenize.js';

/** A text to group. */
export interface TopicText {
  id: number;
  text: string;
}

/** A group of texts about the same thing. */
export interface Topic {
  /** Stable name: the top stems joined with "+". */
  key: string;
  /** The most telling words, as written most often. */
  label: string[];
  /** Ids of the texts in the topic, in input order. */
  members: number[];
}

/** Tuning of the grouping. */
export interface TopicOptions {
  /** Letters a word is cut to. */
  stemLength?: number;
  /** Shortest word that counts. */
  minWordLength?: number;
  /** Cosine similarity a text needs to join a topic. */
  threshold?: number;
  /** Words in a label. */
  labelSize?: number;
}

type Vector = Map<string, number>;

function norm(vector: Vector): number {
  let sum = 0;
  for (const value of vector.values()) sum += value * value;
  return Math.sqrt(sum);
}

function cosine(a: Vector, aNorm: number, b: Vector, bNorm: number): number {
  if (aNorm === 0 || bNorm === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [key, value] of small) dot += value * (large.get(key) ?? 0);
  return dot / (aNorm * bNorm);
}

/** Groups texts into topics. `stopWords` are folded function words to ignore. */
export function clusterTopics(
  texts: readonly TopicText[],
  stopWords: ReadonlySet<string>,
  options: TopicOptions = {},
): Topic[] {
  const stemLength = options.stemLength ?? 5;
  const minWordLength = options.minWordLength ?? 4;
  const threshold = options.threshold ?? 0.2;
  const labelSize = options.labelSize ?? 3;

  const surface = new Map<string, Map<string, number>>();
  const termCounts = texts.map(({ text }) => {
    const counts: Vector = new Map();
    for (const token of tokenize(text)) {
      const word = token.word;
      if (word.length < minWordLength || isNumberToken(word) || stopWords.has(word)) continue;
      const stem = word.slice(0, stemLength);
      counts.set(stem, (counts.get(stem) ?? 0) + 1);
      const forms = surface.get(stem) ?? new Map<string, number>();
      forms.set(word, (forms.get(word) ?? 0) + 1);
      surface.set(stem, forms);
    }
    return counts;
  });
  const documentFrequency = new Map<string, number>();
  for (const counts of termCounts)
    for (const stem of counts.keys()) documentFrequency.set(stem, (documentFrequency.get(stem) ?? 0) + 1);
  const total = texts.length;
  const vectors = termCounts.map((counts) => {
    const vector: Vector = new Map();
    for (const [stem, count] of counts) {
      const idf = Math.log((total + 1) / ((documentFrequency.get(stem) ?? 0) + 1)) + 1;
      vector.set(stem, (1 + Math.log(count)) * idf);
    }
    return vector;
  });

  const clusters: Array<{ centroid: Vector; centroidNorm: number; members: number[] }> = [];
  vectors.forEach((vector, index) => {
    const vectorNorm = norm(vector);
    let best = -1;
    let bestSimilarity = threshold;
    clusters.forEach((cluster, c) => {
      const similarity = cosine(vector, vectorNorm, cluster.centroid, cluster.centroidNorm);
      if (similarity >= bestSimilarity) {
        best = c;
        bestSimilarity = similarity;
      }
    });
    if (best < 0 || vectorNorm === 0) {
      clusters.push({ centroid: new Map(vector), centroidNorm: vectorNorm, members: [index] });
      return;
    }
    const cluster = clusters[best] as (typeof clusters)[number];
    for (const [stem, value] of vector) cluster.centroid.set(stem, (cluster.centroid.get(stem) ?? 0) + value);
    cluster.centroidNorm = norm(cluster.centroid);
    cluster.members.push(index);
  });

  return clusters.map((cluster) => {
    const top = [...cluster.centroid.entries()]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, labelSize)
      .map(([stem]) => stem);
    const label = top.map((stem) => {
      const forms = [...(surface.get(stem) ?? new Map<string, number>()).entries()];
      forms.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
      return forms[0]?.[0] ?? stem;
    });
    return {
      key: top.length > 0 ? [...top].sort().join('+') : 'unclassified',
      label,
      members: cluster.members.map((index) => (texts[index] as TopicText).id),
    };
  });
}

/**
 * The label (e.g. a category) of the examples most like `text`: the label whose examples' summed
 * TF-IDF vector is closest by cosine, when at least `threshold`; else null.
 */
export function suggestLabel(
  text: string,
  examples: ReadonlyArray<{ label: string; text: string }>,
  stopWords: ReadonlySet<string>,
  options: { stemLength?: number; minWordLength?: number; threshold?: number } = {},
): { label: string; similarity: number } | null {
  const stemLength = options.stemLength ?? 5;
  const minWordLength = options.minWordLength ?? 4;
  const threshold = options.threshold ?? 0.2;
  const stems = (value: string) => {
    const counts: Vector = new Map();
    for (const token of tokenize(value)) {
      const word = token.word;
      if (word.length < minWordLength || isNumberToken(word) || stopWords.has(word)) continue;
      const stem = word.slice(0, stemLength);
      counts.set(stem, (counts.get(stem) ?? 0) + 1);
    }
    return counts;
  };
  const exampleStems = examples.map((example) => stems(example.text));
  const documentFrequency = new Map<string, number>();
  for (const counts of exampleStems)
    for (const stem of counts.keys()) documentFrequency.set(stem, (documentFrequency.get(stem) ?? 0) + 1);
  const weigh = (counts: Vector): Vector => {
    const vector: Vector = new Map();
    for (const [stem, count] of counts) {
      const idf = Math.log((examples.length + 1) / ((documentFrequency.get(stem) ?? 0) + 1)) + 1;
      vector.set(stem, (1 + Math.log(count)) * idf);
    }
    return vector;
  };
  const centroids = new Map<string, Vector>();
  exampleStems.forEach((counts, index) => {
    const label = (examples[index] as { label: string }).label;
    const centroid = centroids.get(label) ?? new Map<string, number>();
    for (const [stem, value] of weigh(counts)) centroid.set(stem, (centroid.get(stem) ?? 0) + value);
    centroids.set(label, centroid);
  });
  const query = weigh(stems(text));
  const queryNorm = norm(query);
  let best: { label: string; similarity: number } | null = null;
  for (const [label, centroid] of [...centroids.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    const similarity = cosine(query, queryNorm, centroid, norm(centroid));
    if (similarity >= threshold && (!best || similarity > best.similarity)) best = { label, similarity };
  }
  return best;
}
