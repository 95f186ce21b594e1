/**
 * Recurring problems: clusters complaint texts into topics (engine/topics.ts), stores each
 * complaint's topic, and shows per topic the count, its share (a Pareto view), the weekly trend
 * and a spike alert when the last complete week leaves the band of the eight before it.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import { isoWeekOf, isoWeekRange } from '../../domain/calendar.js';
import { outsideBand } from '../../domain/statistics.js';
import { LEXICONS } from '../../engine/lexicons/index.js';
import { foldText } from '../../engine/text/fold.js';
import { clusterTopics } from '../../engine/topics.js';
import { organisationTimeZone } from '../settings/time-zone.js';

/** Complaints received this many days back are clustered together. */
export const TOPIC_HORIZON_DAYS = 365;
const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;
const STOP_WORDS = new Set(
  Object.values(LEXICONS).flatMap((lexicon) => lexicon.functionWords.map((word) => foldText(word))),
);

/** Use cases of complaint topics. */
export class TopicsService {
  private readonly db: Kysely<DB>;

  constructor(database: Database) {
    this.db = database.kysely;
  }

  /** Clusters the complaints of the horizon and stores each one's topic; returns the number of topics. */
  async refresh(now = Date.now()): Promise<{ complaints: number; topics: number }> {
    const rows = await this.db
      .selectFrom('complaints')
      .select(['id', 'description', 'product', 'category'])
      .where('kind', '=', 'complaint')
      .where('received_at', '>=', now - TOPIC_HORIZON_DAYS * DAY_MS)
      .orderBy('received_at')
      .orderBy('id')
      .execute();
    const topics = clusterTopics(
      rows.map((row) => ({ id: row.id, text: [row.product, row.description].filter(Boolean).join('. ') })),
      STOP_WORDS,
    );
    await this.db.transaction().execute(async (tx) => {
      for (const topic of topics) {
        for (let at = 0; at < topic.members.length; at += 500) {
          await tx
            .updateTable('complaints')
            .set({ topic: topic.key, topic_label: topic.label.join(' ') })
            .where('id', 'in', topic.members.slice(at, at + 500))
            .execute();
        }
      }
    });
    return { complaints: rows.length, topics: topics.length };
  }

  /**
   * Tells every manager, once per topic and week, about a topic whose last complete week is a
   * spike; returns the topics alerted now.
   */
  async alertSpikes(now = Date.now()): Promise<string[]> {
    const overview = await this.overview({ to: now });
    const spikes = overview.topics.filter((topic) => topic.spike);
    if (spikes.length === 0) return [];
    const managers = await this.db
      .selectFrom('users')
      .select('id')
      .where('role', 'in', ['admin', 'manager'])
      .where('disabled', '=', 0)
      .execute();
    const alerted: string[] = [];
    for (const topic of spikes) {
      const subject = `Complaints on "${topic.label || topic.topic}" spiked in ${overview.last_week}`;
      const already = await this.db
        .selectFrom('notifications')
        .select('id')
        .where('kind', '=', 'topic_spike')
        .where('subject', '=', subject)
        .executeTakeFirst();
      if (already || managers.length === 0) continue;
      const latest = topic.weekly[topic.weekly.length - 1]?.count ?? 0;
      await this.db
        .insertInto('notifications')
        .values(
          managers.map((manager) => ({
            user_id: manager.id,
            at: now,
            kind: 'topic_spike',
            subject,
            detail: JSON.stringify({
              topic: topic.topic,
              label: topic.label,
              week: overview.last_week,
              count: latest,
            }),
            read_at: null,
          })),
        )
        .execute();
      alerted.push(topic.topic);
    }
    return alerted;
  }

  /**
   * Topics of complaints received in [from, to): counts, shares and cumulative shares (most
   * frequent first), the weekly counts of the last `weeks` complete weeks, and whether the last
   * week is a spike (outside mean ± 2 s.d. of the eight weeks before it).
   */
  async overview(options: { from?: number; to?: number; weeks?: number } = {}) {
    const to = options.to ?? Date.now();
    const from = options.from ?? to - 90 * DAY_MS;
    const weeks = Math.max(options.weeks ?? 12, 9);
    const timeZone = await organisationTimeZone(this.db);
    const lastWeek = isoWeekOf(isoWeekRange(isoWeekOf(to, timeZone), timeZone).from - 1, timeZone);
    const lastWeekEnd = isoWeekRange(lastWeek, timeZone).to;
    const trendFrom = lastWeekEnd - weeks * WEEK_MS;
    const [counts, trendRows] = await Promise.all([
      this.db
        .selectFrom('complaints')
        .select((eb) => ['topic', eb.fn.max('topic_label').as('label'), eb.fn.countAll<number>().as('n')])
        .where('kind', '=', 'complaint')
        .where('received_at', '>=', from)
        .where('received_at', '<', to)
        .groupBy('topic')
        .execute(),
      this.db
        .selectFrom('complaints')
        .select(['topic', 'received_at'])
        .where('kind', '=', 'complaint')
        .where('received_at', '>=', trendFrom)
        .where('received_at', '<', lastWeekEnd)
        .execute(),
    ]);
    const weekKeys: string[] = [];
    for (let i = weeks - 1; i >= 0; i -= 1)
      weekKeys.push(isoWeekOf(lastWeekEnd - i * WEEK_MS - DAY_MS, timeZone));
    const weekly = new Map<string, Map<string, number>>();
    for (const row of trendRows) {
      const key = row.topic ?? 'unclassified';
      const perWeek = weekly.get(key) ?? new Map<string, number>();
      const week = isoWeekOf(row.received_at, timeZone);
      perWeek.set(week, (perWeek.get(week) ?? 0) + 1);
      weekly.set(key, perWeek);
    }
    const total = counts.reduce((sum, row) => sum + Number(row.n), 0);
    let cumulative = 0;
    const topics = counts
      .map((row) => ({ topic: row.topic ?? 'unclassified', label: row.label ?? '', count: Number(row.n) }))
      .sort((a, b) => b.count - a.count || a.topic.localeCompare(b.topic))
      .map((row) => {
        cumulative += row.count;
        const series = weekKeys.map((week) => weekly.get(row.topic)?.get(week) ?? 0);
        const latest = series[series.length - 1] ?? 0;
        return {
          ...row,
          share: total > 0 ? (row.count / total) * 100 : null,
          cumulative_share: total > 0 ? (cumulative / total) * 100 : null,
          weekly: weekKeys.map((week, i) => ({ week, count: series[i] ?? 0 })),
          spike: outsideBand(series.slice(-9, -1), latest) && latest > 0,
        };
      });
    return {
      from: new Date(from).toISOString(),
      to: new Date(to).toISOString(),
      total,
      last_week: lastWeek,
      topics,
    };
  }
}
