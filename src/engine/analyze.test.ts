/** Every check in every language, driven by each lexicon's own phrases, plus the cases the lexicons do not decide. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AutoQaEngine } from './analyze.js';
import { LEXICONS } from './lexicons/index.js';
import { sampleOf } from './lexicons/sample.js';
import { DEFAULT_SETTINGS } from './settings.js';
import type { EngineConversation, EngineMessage } from './types.js';

const engine = new AutoQaEngine(LEXICONS, DEFAULT_SETTINGS);
const NEUTRAL = 'xyzzy qwerty plugh';
const T0 = Date.parse('2026-03-02T09:00:00Z');

function message(role: EngineMessage['role'], text: string, minute: number): EngineMessage {
  return { role, text, at: T0 + minute * 60_000, internal: false, startS: null, endS: null };
}

function conversation(
  language: string,
  messages: EngineMessage[],
  extra: Partial<EngineConversation> = {},
): EngineConversation {
  return {
    id: 'test',
    channel: 'chat',
    language,
    createdAt: T0,
    resolvedAt: T0 + 3_600_000,
    status: 'resolved',
    customerName: null,
    markedComplaint: false,
    messages,
    feedback: [],
    ...extra,
  };
}

const resultOf = (c: EngineConversation, check: string) => engine.analyze(c).checks[check]?.result;

for (const [language, lexicon] of Object.entries(LEXICONS)) {
  const say = (phrases: string[]) => `${sampleOf(phrases[0] as string)}.`;
  describe(`checks in ${language}`, () => {
    const presence: Array<[string, string[]]> = [
      ['clear_next_steps', lexicon.agent.nextSteps],
      ['options_offered', lexicon.agent.options],
      ['education', lexicon.agent.education],
      ['anything_else', lexicon.agent.anythingElse],
      ['thanks', lexicon.agent.thanks],
      ['rating_request', lexicon.agent.ratingRequest],
    ];
    for (const [check, phrases] of presence) {
      it(`${check}: passes when an agent says it and fails when no agent does`, () => {
        const customer = message('customer', NEUTRAL, 0);
        assert.equal(
          resultOf(
            conversation(language, [
              customer,
              message('agent', NEUTRAL, 1),
              message('agent', say(phrases), 2),
            ]),
            check,
          ),
          'pass',
        );
        assert.equal(
          resultOf(conversation(language, [customer, message('agent', NEUTRAL, 1)]), check),
          'fail',
        );
        assert.equal(resultOf(conversation(language, [customer]), check), 'na');
      });
    }

    it('greeting: counts only the first agent message', () => {
      const greet = say(lexicon.agent.greeting);
      assert.equal(
        resultOf(
          conversation(language, [message('customer', NEUTRAL, 0), message('agent', greet, 1)]),
          'greeting',
        ),
        'pass',
      );
      assert.equal(
        resultOf(
          conversation(language, [
            message('customer', NEUTRAL, 0),
            message('agent', NEUTRAL, 1),
            message('agent', greet, 2),
          ]),
          'greeting',
        ),
        'fail',
      );
    });

    for (const [check, phrases] of [
      ['positive_tone', lexicon.agent.rude],
      ['no_blame', lexicon.agent.blame],
      ['no_jargon', lexicon.jargon],
    ] as const) {
      it(`${check}: fails when an agent says it and passes otherwise`, () => {
        const customer = message('customer', NEUTRAL, 0);
        assert.equal(
          resultOf(conversation(language, [customer, message('agent', say(phrases), 1)]), check),
          'fail',
        );
        assert.equal(
          resultOf(conversation(language, [customer, message('agent', NEUTRAL, 1)]), check),
          'pass',
        );
      });
    }

    it('empathy: needed only after a problem, met by an apology', () => {
      const problem = message('customer', say(lexicon.customer.problem), 0);
      assert.equal(
        resultOf(
          conversation(language, [problem, message('agent', say(lexicon.agent.apology), 1)]),
          'empathy',
        ),
        'pass',
      );
      assert.equal(
        resultOf(conversation(language, [problem, message('agent', NEUTRAL, 1)]), 'empathy'),
        'fail',
      );
      assert.equal(
        resultOf(
          conversation(language, [message('customer', NEUTRAL, 0), message('agent', NEUTRAL, 1)]),
          'empathy',
        ),
        'na',
      );
    });

    it('time_estimate: passes with a time frame, fails when something is pending without one, not applicable when solved', () => {
      const customer = message('customer', NEUTRAL, 0);
      assert.equal(
        resultOf(
          conversation(language, [customer, message('agent', say(lexicon.agent.timeEstimate), 1)]),
          'time_estimate',
        ),
        'pass',
      );
      const pending = message('agent', `${NEUTRAL}. ${say(lexicon.agent.vague)}`, 1);
      assert.equal(resultOf(conversation(language, [customer, pending]), 'time_estimate'), 'fail');
      assert.equal(
        resultOf(conversation(language, [customer, message('agent', NEUTRAL, 1)]), 'time_estimate'),
        'na',
      );
      assert.equal(
        resultOf(
          conversation(language, [customer, message('agent', say(lexicon.agent.resolvedNow), 1)]),
          'time_estimate',
        ),
        'na',
      );
    });

    it('concrete_answer: a figure answers a when/how-much question, a vague reply does not', () => {
      const question = message('customer', `${sampleOf(lexicon.customer.concreteQuestion[0] as string)}?`, 0);
      assert.equal(
        resultOf(conversation(language, [question, message('agent', `${NEUTRAL} 15`, 1)]), 'concrete_answer'),
        'pass',
      );
      assert.equal(
        resultOf(
          conversation(language, [question, message('agent', say(lexicon.agent.vague), 1)]),
          'concrete_answer',
        ),
        'fail',
      );
      assert.equal(
        resultOf(
          conversation(language, [message('customer', NEUTRAL, 0), message('agent', NEUTRAL, 1)]),
          'concrete_answer',
        ),
        'na',
      );
    });

    it('escalation_offered: only when the customer asks for a supervisor', () => {
      const ask = message('customer', say(lexicon.customer.escalationRequest), 0);
      assert.equal(
        resultOf(
          conversation(language, [ask, message('agent', say(lexicon.agent.escalationOffer), 1)]),
          'escalation_offered',
        ),
        'pass',
      );
      assert.equal(
        resultOf(conversation(language, [ask, message('agent', NEUTRAL, 1)]), 'escalation_offered'),
        'fail',
      );
      assert.equal(
        resultOf(
          conversation(language, [message('customer', NEUTRAL, 0), message('agent', NEUTRAL, 1)]),
          'escalation_offered',
        ),
        'na',
      );
    });

    it('sentiment and complaint: a formal complaint is detected, a strongly negative message is negative', () => {
      const analysis = engine.analyze(
        conversation(language, [
          message('customer', say(lexicon.complaint.formal), 0),
          message('customer', say(lexicon.sentiment.strongNegative), 1),
        ]),
      );
      assert.equal(analysis.complaint.detected, true);
      assert.equal(analysis.sentiment.end, 'negative');
      const happy = engine.analyze(
        conversation(language, [message('customer', say(lexicon.sentiment.strongPositive), 0)]),
      );
      assert.equal(happy.sentiment.start, 'positive');
      assert.equal(happy.complaint.detected, false);
    });
  });
}

describe('checks that do not depend on the language', () => {
  it('customer_name: the agent uses the name in an inflected form', () => {
    const c = conversation(
      'hr',
      [message('customer', 'Dobar dan', 0), message('agent', 'Dobar dan, Petre!', 1)],
      { customerName: 'Petar Kovač' },
    );
    assert.equal(resultOf(c, 'customer_name'), 'pass');
    const without = conversation(
      'hr',
      [message('customer', 'Dobar dan', 0), message('agent', 'Dobar dan!', 1)],
      { customerName: 'Petar Kovač' },
    );
    assert.equal(resultOf(without, 'customer_name'), 'fail');
  });

  it('answered_questions: a question after the last agent message fails', () => {
    const answered = conversation('en', [
      message('customer', 'Where is it?', 0),
      message('agent', 'On its way.', 1),
    ]);
    assert.equal(resultOf(answered, 'answered_questions'), 'pass');
    const left = conversation('en', [message('agent', 'Hello.', 0), message('customer', 'Where is it?', 1)]);
    assert.equal(resultOf(left, 'answered_questions'), 'fail');
  });

  it('first_response_sla: measured against the channel target', () => {
    const fast = conversation('en', [message('customer', 'Hi', 0), message('agent', 'Hello', 0.5)]);
    assert.equal(resultOf(fast, 'first_response_sla'), 'pass');
    const slow = conversation('en', [message('customer', 'Hi', 0), message('agent', 'Hello', 5)]);
    assert.equal(resultOf(slow, 'first_response_sla'), 'fail');
  });

  it('follow_up_24h: an open case needs an agent update every day', () => {
    const long = { resolvedAt: T0 + 4 * 86_400_000 };
    const updated = conversation(
      'en',
      [
        message('customer', 'Hi', 0),
        message('agent', 'On it', 60),
        message('agent', 'Update', 60 * 20),
        message('agent', 'Update', 60 * 40),
        message('agent', 'Update', 60 * 60),
        message('agent', 'Done', 60 * 80),
      ],
      long,
    );
    assert.equal(resultOf(updated, 'follow_up_24h'), 'pass');
    const silent = conversation('en', [message('customer', 'Hi', 0), message('agent', 'On it', 60)], long);
    assert.equal(resultOf(silent, 'follow_up_24h'), 'fail');
    assert.equal(resultOf(conversation('en', [message('customer', 'Hi', 0)]), 'follow_up_24h'), 'na');
  });

  it('talk_over, long_silence and talk_ratio read call utterance timings', () => {
    const utterance = (role: EngineMessage['role'], startS: number, endS: number): EngineMessage => ({
      role,
      text: 'words',
      at: null,
      internal: false,
      startS,
      endS,
    });
    const call = conversation(
      'en',
      [
        utterance('customer', 0, 10),
        utterance('agent', 8, 12),
        utterance('customer', 12, 20),
        utterance('agent', 18, 22),
        utterance('customer', 22, 30),
        utterance('agent', 27, 30),
        utterance('agent', 60, 200),
      ],
      { channel: 'phone' },
    );
    const analysis = engine.analyze(call);
    assert.equal(analysis.checks.talk_over?.result, 'fail');
    assert.equal(analysis.checks.talk_over?.evidence.length, 3);
    assert.equal(analysis.checks.long_silence?.result, 'fail');
    assert.equal(analysis.checks.talk_ratio?.result, 'fail');
    assert.equal(resultOf(conversation('en', [message('customer', 'x', 0)]), 'talk_over'), 'na');
  });

  it('a negated problem is no problem, but a problem phrase that carries its own negation stays one', () => {
    const agent = message('agent', 'xyzzy', 1);
    const negated = conversation('en', [
      message('customer', 'I never had a problem with the router.', 0),
      agent,
    ]);
    assert.equal(resultOf(negated, 'empathy'), 'na');
    const real = conversation('en', [message('customer', 'I have a problem with the router.', 0), agent]);
    assert.equal(resultOf(real, 'empathy'), 'fail');
  });

  it('positive_tone: an agent who meets a problem without one courteous word fails', () => {
    const curt = conversation('en', [
      message('customer', 'My parcel never arrived and nobody answers.', 0),
      message('agent', 'Order number.', 1),
      message('customer', 'A-1182', 2),
      message('agent', 'It is with the courier.', 3),
    ]);
    assert.equal(resultOf(curt, 'positive_tone'), 'fail');
    const kind = conversation('en', [
      message('customer', 'My parcel never arrived and nobody answers.', 0),
      message('agent', 'I am sorry to hear that. Could you give me the order number?', 1),
      message('customer', 'A-1182', 2),
      message('agent', 'It is with the courier.', 3),
    ]);
    assert.equal(resultOf(kind, 'positive_tone'), 'pass');
  });

  it('flags a low rating, a negative end, a complaint and a failed critical check', () => {
    const c = conversation('en', [message('customer', 'Hi', 0), message('agent', 'Hello', 1)], {
      feedback: [{ type: 'csat', score: 1, scale: 5 }],
      markedComplaint: true,
    });
    const flags = engine.analyze(c).flags;
    assert.ok(flags.includes('low_rating'));
    assert.ok(flags.includes('complaint'));
  });

  it('switches checks off by setting', () => {
    const quiet = new AutoQaEngine(LEXICONS, { ...DEFAULT_SETTINGS, disabledChecks: ['greeting'] });
    assert.equal(
      quiet.analyze(conversation('en', [message('agent', 'Hello', 0)])).checks.greeting,
      undefined,
    );
  });
});
