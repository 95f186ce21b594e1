/**
 * Automatic reviews: after AutoQA analyses a conversation, its check results rate the linked
 * categories of the default scorecard, giving every analysed conversation a review score.
 * One automatic review per conversation, updated in place when the analysis changes.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import { categoryApplies, prefillFromChecks, scoreReview } from '../../domain/scorecard.js';
import { ScorecardsService } from '../scorecards/scorecards.service.js';
import { ratingRows } from './reviews.repository.js';

type CheckResult = 'pass' | 'fail' | 'na';

/** Creates or refreshes the automatic reviews of `conversationIds` from their stored check results. */
export async function refreshAutomaticReviews(
  database: Database,
  conversationIds: readonly number[],
): Promise<number> {
  if (conversationIds.length === 0) return 0;
  const scorecard = await new ScorecardsService(database).getDefault();
  const definition = scorecard.definition;
  if (!definition.categories.some((c) => c.autoqaCheck)) return 0;
  const db: Kysely<DB> = database.kysely;
  let written = 0;
  for (let start = 0; start < conversationIds.length; start += 500) {
    const ids = conversationIds.slice(start, start + 500);
    const [facts, checks, existing] = await Promise.all([
      db
        .selectFrom('conversations as c')
        .leftJoin('teams as t', 't.id', 'c.team_id')
        .select(['c.id', 'c.agent_id', 'c.channel', 'c.language', 't.name as team'])
        .where('c.id', 'in', ids)
        .execute(),
      db
        .selectFrom('check_results')
        .select(['conversation_id', 'check_id', 'result'])
        .where('conversation_id', 'in', ids)
        .execute(),
      db
        .selectFrom('reviews')
        .select(['id', 'conversation_id', 'revision'])
        .where('kind', '=', 'auto')
        .where('conversation_id', 'in', ids)
        .execute(),
    ]);
    const checksOf = new Map<number, Record<string, CheckResult>>();
    for (const row of checks) {
      const map = checksOf.get(row.conversation_id) ?? {};
      map[row.check_id] = row.result as CheckResult;
      checksOf.set(row.conversation_id, map);
    }
    const existingOf = new Map(existing.map((row) => [row.conversation_id, row]));
    const now = Date.now();
    const planned = facts.flatMap((conversation) => {
      const results = checksOf.get(conversation.id);
      if (!results) return [];
      const applicable = new Set(
        definition.categories.filter((c) => categoryApplies(c, conversation)).map((c) => c.key),
      );
      const ratings = prefillFromChecks(definition, results, applicable);
      if (ratings.length === 0) return [];
      const score = scoreReview(definition, ratings, applicable);
      const values = {
        scorecard_version_id: scorecard.version_id,
        agent_id: conversation.agent_id,
        score: score.score,
        passed: score.passed === null ? null : score.passed ? 1 : 0,
        auto_failed: score.autoFailed ? 1 : 0,
        updated_at: now,
        submitted_at: now,
      };
      return [
        {
          conversationId: conversation.id,
          ratings,
          score,
          values,
          previous: existingOf.get(conversation.id),
        },
      ];
    });
    await db.transaction().execute(async (tx) => {
      const reviewIdOf = new Map<number, number>();
      // Reviews already there keep their id (disputes point at it) and move to the next revision.
      for (const plan of planned) {
        if (!plan.previous) continue;
        reviewIdOf.set(plan.conversationId, plan.previous.id);
        await tx
          .updateTable('reviews')
          .set({ ...plan.values, revision: plan.previous.revision + 1 })
          .where('id', '=', plan.previous.id)
          .execute();
      }
      const refreshed = [...reviewIdOf.values()];
      for (let at = 0; at < refreshed.length; at += 500) {
        await tx
          .deleteFrom('review_ratings')
          .where('review_id', 'in', refreshed.slice(at, at + 500))
          .execute();
      }
      // New ones go in with one statement per 200, then their ids are read back in one query.
      const fresh = planned.filter((plan) => !plan.previous);
      for (let at = 0; at < fresh.length; at += 200) {
        const slice = fresh.slice(at, at + 200);
        await tx
          .insertInto('reviews')
          .values(
            slice.map((plan) => ({
              ...plan.values,
              conversation_id: plan.conversationId,
              kind: 'auto',
              reviewer_user_id: null,
              calibration_session_id: null,
              status: 'submitted',
              comment: null,
              revision: 1,
              acknowledged_at: null,
              created_at: now,
            })),
          )
          .execute();
        const ids = await tx
          .selectFrom('reviews')
          .select(['id', 'conversation_id'])
          .where('kind', '=', 'auto')
          .where(
            'conversation_id',
            'in',
            slice.map((plan) => plan.conversationId),
          )
          .execute();
        for (const row of ids) reviewIdOf.set(row.conversation_id, row.id);
      }
      const ratingBatch = planned.flatMap((plan) =>
        ratingRows(reviewIdOf.get(plan.conversationId) as number, definition, plan.ratings, plan.score),
      );
      for (let at = 0; at < ratingBatch.length; at += 1000) {
        await tx
          .insertInto('review_ratings')
          .values(ratingBatch.slice(at, at + 1000))
          .execute();
      }
    });
    written += planned.length;
  }
  return written;
}
