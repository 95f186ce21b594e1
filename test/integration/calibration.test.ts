/**
 * A calibration session on both databases: blind scoring, reveal, and agreement figures checked
 * against values worked out by hand below.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { ScorecardDefinition } from '../../src/domain/scorecard.js';
import { CalibrationService } from '../../src/modules/calibration/calibration.service.js';
import { ServiceError } from '../../src/modules/common/service-errors.js';
import { ingestItems } from '../../src/modules/ingest/ingest.service.js';
import { ReviewsService } from '../../src/modules/reviews/reviews.service.js';
import { ScorecardsService } from '../../src/modules/scorecards/scorecards.service.js';
import { type Principal, UsersService } from '../../src/modules/users/users.service.js';
import { DATABASE_KINDS, type TestDatabase } from '../support/databases.js';
import { conversation } from '../support/factories.js';

const CARD: ScorecardDefinition = {
  name: 'Calibration card',
  description: '',
  passMark: 80,
  categories: [
    {
      key: 'knowledge',
      name: 'Knowledge',
      group: '',
      weight: 3,
      scale: '5-point',
      critical: false,
      allowNa: true,
      rootCauses: [],
      guidance: '',
      autoqaCheck: null,
      appliesTo: {},
    },
    {
      key: 'tone',
      name: 'Tone',
      group: '',
      weight: 1,
      scale: 'binary',
      critical: false,
      allowNa: true,
      rootCauses: [],
      guidance: '',
      autoqaCheck: null,
      appliesTo: {},
    },
  ],
};

async function refused(promise: Promise<unknown>, kind: string): Promise<void> {
  await assert.rejects(promise, (error) => error instanceof ServiceError && error.kind === kind);
}

for (const kind of DATABASE_KINDS) {
  describe(`Calibration on ${kind.name}`, { skip: kind.skip }, () => {
    let test: TestDatabase;
    let calibration: CalibrationService;
    let lead: Principal;
    let a: Principal;
    let b: Principal;
    let c: Principal;
    let outsider: Principal;
    let sessionId = 0;
    let conversations: number[] = [];
    let scorecardId = 0;

    before(async () => {
      test = await kind.create();
      await ingestItems(
        test.database,
        [0, 1, 2].map((n) => ({ raw: conversation(n) })),
        'test',
      );
      conversations = (
        await test.database.kysely.selectFrom('conversations').select('id').orderBy('id').execute()
      ).map((row) => row.id);
      const users = new UsersService(test.database.kysely);
      lead = (await users.createUser({ email: 'lead@example.com', role: 'lead' })).user;
      a = (await users.createUser({ email: 'a@example.com', role: 'reviewer' })).user;
      b = (await users.createUser({ email: 'b@example.com', role: 'reviewer' })).user;
      c = (await users.createUser({ email: 'c@example.com', role: 'reviewer' })).user;
      outsider = (await users.createUser({ email: 'o@example.com', role: 'reviewer' })).user;
      scorecardId = (await new ScorecardsService(test.database).create(CARD, lead.id)).id;
      calibration = new CalibrationService(test.database, new ReviewsService(test.database));
    });
    after(async () => {
      await test?.drop();
    });

    it('sets up a session and refuses bad set-ups naming the field', async () => {
      await refused(
        calibration.create(lead, {
          title: 'x',
          conversation_ids: [conversations[0] as number],
          participant_ids: [a.id],
        }),
        'invalid',
      );
      await refused(
        calibration.create(a, { title: 'x', conversation_ids: conversations, participant_ids: [a.id, b.id] }),
        'forbidden',
      );
      const session = await calibration.create(lead, {
        title: 'March calibration',
        scorecard_id: scorecardId,
        conversation_ids: conversations,
        participant_ids: [a.id, b.id, c.id],
        baseline_user_id: a.id,
      });
      sessionId = session.id;
      assert.equal(session.status, 'open');
      assert.equal(session.participants.length, 3);
      await refused(calibration.get(outsider, sessionId), 'not_found');
    });

    it('keeps scores blind until the lead reveals', async () => {
      // Tone: A 1,0,1 · B 1,0,1 · C 1,0,0; knowledge 5 everywhere.
      const tones: Record<number, number[]> = { [a.id]: [1, 0, 1], [b.id]: [1, 0, 1], [c.id]: [1, 0, 0] };
      for (const reviewer of [a, b, c]) {
        for (const [index, conversationId] of conversations.entries()) {
          await calibration.review(reviewer, sessionId, {
            conversation_id: conversationId,
            ratings: [
              { key: 'knowledge', rating: 5 },
              { key: 'tone', rating: tones[reviewer.id]?.[index] as number },
            ],
            submit: true,
          });
        }
      }
      await refused(
        calibration.review(a, sessionId, {
          conversation_id: conversations[0] as number,
          ratings: [],
        }),
        'conflict',
      );
      const seenByB = await calibration.get(b, sessionId);
      assert.ok(
        seenByB.reviews.every((r) => r.reviewer_user_id === b.id),
        'B sees only their own reviews',
      );
      await refused(calibration.results(b, sessionId), 'conflict');
      const seenByLead = await calibration.get(lead, sessionId);
      assert.equal(seenByLead.reviews.length, 9);
      assert.deepEqual(
        seenByLead.participants.map((p) => p.submitted),
        [3, 3, 3],
      );
      await refused(calibration.reveal(b, sessionId), 'forbidden');
    });

    it('reveals α, κ and deviations that match the hand calculation', async () => {
      const results = await calibration.reveal(lead, sessionId);
      // Tone (nominal): coincidences o11 = 4, o00 = 3, o10 = o01 = 1, n = 9 (n1 = 5, n0 = 4);
      // Do = 2/9, De = 2·5·4 / (9·8) = 5/9, α = 1 − (2/9)/(5/9) = 0.6.
      const tone = results.categories.find((x) => x.key === 'tone');
      assert.ok(Math.abs((tone?.alpha as number) - 0.6) < 1e-9);
      assert.equal(tone?.pairableValues, 9);
      // Knowledge: all 5, no variation: α undefined → null, never NaN.
      assert.equal(results.categories.find((x) => x.key === 'knowledge')?.alpha, null);
      // κ(A, C) on tone: po = 2/3, pe = 2/3·1/3 + 1/3·2/3 = 4/9, κ = (2/9)/(5/9) = 0.4.
      const ac = tone?.kappa.find((k) => k.reviewerA === a.id && k.reviewerB === c.id);
      assert.ok(Math.abs((ac?.kappa as number) - 0.4) < 1e-9);
      assert.equal(tone?.kappa.find((k) => k.reviewerA === a.id && k.reviewerB === b.id)?.kappa, 1);
      // Scores: tone 1 → 100, tone 0 → 75 (weights 3 and 1). A, B: 100, 75, 100; C: 100, 75, 75.
      // Interval α on the scores has the same coincidences as tone: 0.6.
      assert.ok(Math.abs((results.total.alpha as number) - 0.6) < 1e-9);
      // Deviation from the baseline A: C differs by 25 points on one of three → 8.33; on tone 100 → 33.3.
      const cDeviation = results.deviation.find((d) => d.reviewerId === c.id);
      assert.ok(Math.abs((cDeviation?.total as number) - 25 / 3) < 1e-9);
      assert.ok(Math.abs((cDeviation?.categories.tone as number) - 100 / 3) < 1e-9);
      assert.equal(results.deviation.find((d) => d.reviewerId === b.id)?.total, 0);
      const seenByB = await calibration.results(b, sessionId);
      assert.equal(seenByB.total.alpha, results.total.alpha);
    });

    it("keeps each reviewer's history across revealed sessions", async () => {
      const history = await calibration.history(c, c.id);
      assert.equal(history.sessions.length, 1);
      assert.ok(Math.abs((history.sessions[0]?.deviation as number) - 25 / 3) < 1e-9);
      await refused(calibration.history(c, a.id), 'forbidden');
    });
  });
}
