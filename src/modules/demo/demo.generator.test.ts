import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Ajv } from 'ajv';
import addFormatsModule, { type FormatsPlugin } from 'ajv-formats';
import {
  CHANNELS,
  type ConversationInput,
  ConversationInputSchema,
  type MessageInput,
} from '../conversations/conversations.schema.js';
import { type DemoAgent, demoRoster, generateDemoConversations } from './demo.generator.js';
import { Random, WeightedTable } from './demo.random.js';
import { bg } from './phrases/bg.js';
import { en } from './phrases/en.js';
import { hr } from './phrases/hr.js';
import { hu } from './phrases/hu.js';
import { type PhraseBank, TOPIC_KEYS } from './phrases/phrase-bank.js';
import { ru } from './phrases/ru.js';

// ajv-formats is CommonJS with a default export; under NodeNext that default sits one level down.
const addFormats = ((addFormatsModule as unknown as { default?: FormatsPlugin }).default ??
  addFormatsModule) as unknown as FormatsPlugin;

const BANKS: Record<string, PhraseBank> = { en, ru, bg, hr, hu };
const LANGUAGES = ['en', 'ru', 'bg', 'hr', 'hu'];
const SEED = 20_261_101;

function take(count: number, seed = SEED): ConversationInput[] {
  return [...generateDemoConversations({ seed, count })];
}

const sample2000 = take(2000);
const sample20000 = take(20_000, 4242);
const roster = demoRoster(4242);

function time(value: string | undefined): number {
  assert.ok(value !== undefined, 'timestamp present');
  const parsed = Date.parse(value);
  assert.ok(!Number.isNaN(parsed), `parseable timestamp: ${value}`);
  return parsed;
}

/** The fixed part of a template, long enough to recognise it in generated text. */
function marker(template: string): string {
  return template
    .split(/\{[^{}]*\}/)
    .reduce((longest, part) => (part.length > longest.length ? part : longest), '')
    .trim();
}

/** True when some message by `agentId` contains one of the templates. */
function agentSaid(
  messages: readonly MessageInput[],
  agentId: string,
  templates: readonly string[],
): boolean {
  const markers = templates.map(marker);
  return messages.some(
    (message) => message.author === agentId && markers.some((fixed) => message.text.includes(fixed)),
  );
}

/** Front-line agents sorted by skill. */
function frontLineBySkill(): DemoAgent[] {
  return roster.agents.filter((agent) => agent.team !== 'Escalations').sort((a, b) => a.skill - b.skill);
}

describe('demo random', () => {
  it('repeats for a seed and stays in range', () => {
    const first = new Random(7);
    const second = new Random(7);
    for (let index = 0; index < 1000; index++) {
      const value = first.next();
      assert.equal(value, second.next());
      assert.ok(value >= 0 && value < 1);
      const integer = first.int(3, 5);
      second.int(3, 5);
      assert.ok(integer >= 3 && integer <= 5 && Number.isInteger(integer));
    }
  });

  it('picks by weight', () => {
    const table = new WeightedTable([
      ['rare', 1],
      ['common', 9],
    ]);
    const random = new Random(1);
    let common = 0;
    for (let index = 0; index < 10_000; index++) if (table.pick(random) === 'common') common++;
    assert.ok(common > 8700 && common < 9300, `common picked ${common} times of 10000`);
  });
});

describe('generateDemoConversations', () => {
  it('gives identical output for the same seed and different output for another', () => {
    assert.deepEqual(take(300), take(300));
    assert.notDeepEqual(take(50, 1), take(50, 2));
  });

  it('is lazy: the first items of a huge count come at once', () => {
    const startedAt = performance.now();
    const first: ConversationInput[] = [];
    for (const conversation of generateDemoConversations({ seed: 1, count: 10_000_000 })) {
      first.push(conversation);
      if (first.length === 10) break;
    }
    assert.equal(first.length, 10);
    assert.ok(performance.now() - startedAt < 1000, 'ten conversations took more than a second');
  });

  it('produces exactly `count` conversations with unique, deterministic ids per source', () => {
    assert.equal(sample2000.length, 2000);
    const keys = new Set(sample2000.map((conversation) => `${conversation.source}/${conversation.id}`));
    assert.equal(keys.size, 2000);
    const again = take(2000).map((conversation) => conversation.id);
    assert.deepEqual(
      again,
      sample2000.map((conversation) => conversation.id),
    );
  });

  it('validates every conversation against the exchange format', () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile(ConversationInputSchema);
    for (const conversation of sample2000) {
      assert.ok(validate(conversation), `${conversation.id}: ${ajv.errorsText(validate.errors)}`);
    }
  });

  it('covers every language and every channel, and leaves the language out on some', () => {
    const languages = new Set(sample2000.map((conversation) => conversation.language));
    for (const language of LANGUAGES) assert.ok(languages.has(language), `no ${language} conversation`);
    const channels = new Set(sample2000.map((conversation) => conversation.channel));
    for (const channel of CHANNELS) assert.ok(channels.has(channel), `no ${channel} conversation`);
    const withoutLanguage = sample2000.filter((conversation) => conversation.language === undefined).length;
    assert.ok(withoutLanguage > 200 && withoutLanguage < 420, `${withoutLanguage} of 2000 without language`);
  });

  it('mixes languages roughly 30/20/15/20/15', () => {
    const counts = new Map<string, number>();
    for (const conversation of sample20000) {
      const agent = roster.agents.find((candidate) => candidate.id === conversation.agent?.id);
      const language = agent?.language ?? conversation.language;
      if (language !== undefined) counts.set(language, (counts.get(language) ?? 0) + 1);
    }
    const total = [...counts.values()].reduce((sum, value) => sum + value, 0);
    const expected: Record<string, number> = { en: 0.3, ru: 0.2, bg: 0.15, hr: 0.2, hu: 0.15 };
    for (const [language, share] of Object.entries(expected)) {
      const actual = (counts.get(language) ?? 0) / total;
      assert.ok(Math.abs(actual - share) < 0.03, `${language}: ${actual.toFixed(3)} instead of ${share}`);
    }
  });

  it('fills every placeholder', () => {
    for (const conversation of sample2000) {
      const texts = [
        conversation.subject ?? '',
        ...(conversation.messages ?? []).map((message) => message.text),
        ...(conversation.feedback ?? []).map((answer) => answer.comment ?? ''),
      ];
      for (const text of texts)
        assert.ok(!/[{}]/.test(text), `${conversation.id}: unfilled template in "${text}"`);
    }
  });

  it('keeps time in order: created, messages, resolution, within the default period', () => {
    const start = Date.parse('2025-11-01T00:00:00Z');
    const end = Date.parse('2026-11-01T00:00:00Z');
    for (const conversation of sample2000) {
      const created = time(conversation.created_at);
      assert.ok(created >= start && created < end, `${conversation.id} created ${conversation.created_at}`);
      let previous = created;
      for (const message of conversation.messages ?? []) {
        const at = time(message.at);
        assert.ok(
          at >= previous,
          `${conversation.id}: message at ${message.at} before ${new Date(previous).toISOString()}`,
        );
        previous = at;
      }
      if (conversation.resolved_at !== undefined) {
        assert.ok(
          time(conversation.resolved_at) >= previous,
          `${conversation.id}: resolved before last message`,
        );
        assert.ok(conversation.status === 'resolved' || conversation.status === 'closed');
      }
    }
  });

  it('respects a custom period', () => {
    const start = new Date('2026-03-01T00:00:00Z');
    const end = new Date('2026-03-08T00:00:00Z');
    for (const conversation of generateDemoConversations({ seed: 3, count: 500, start, end })) {
      const created = time(conversation.created_at);
      assert.ok(created >= start.getTime() && created < end.getTime(), conversation.created_at);
    }
  });

  it('averages around eight messages, between one and thirty', () => {
    let total = 0;
    for (const conversation of sample20000) {
      const count = conversation.messages?.length ?? 0;
      assert.ok(count <= 30, `${conversation.id} has ${count} messages`);
      if (!conversation.abandoned) assert.ok(count >= 1, `${conversation.id} has no messages`);
      total += count;
    }
    const mean = total / sample20000.length;
    assert.ok(mean > 6.5 && mean < 10, `mean ${mean.toFixed(2)} messages`);
  });

  it('gives calls increasing utterance offsets with some talk-over and some abandoned calls', () => {
    let calls = 0;
    let withOverlap = 0;
    let abandoned = 0;
    for (const conversation of sample2000) {
      if (conversation.channel !== 'phone') continue;
      calls++;
      if (conversation.abandoned) {
        abandoned++;
        assert.equal(conversation.status, 'closed');
        assert.ok(!(conversation.messages ?? []).some((message) => message.role === 'agent'));
        continue;
      }
      const utterances = (conversation.messages ?? []).filter((message) => message.start_s !== undefined);
      assert.ok(utterances.length > 0, `${conversation.id} has no utterances`);
      let overlapped = false;
      utterances.forEach((utterance, index) => {
        const startS = utterance.start_s as number;
        const endS = utterance.end_s as number;
        assert.ok(endS > startS, `${conversation.id}: utterance ends before it starts`);
        const previous = utterances[index - 1];
        if (previous === undefined) return;
        assert.ok(startS > (previous.start_s as number), `${conversation.id}: start_s not increasing`);
        assert.ok(endS > (previous.end_s as number), `${conversation.id}: end_s not increasing`);
        if (startS < (previous.end_s as number)) overlapped = true;
      });
      if (overlapped) withOverlap++;
      assert.ok((conversation.wait_s ?? -1) >= 0 && (conversation.handle_s ?? -1) > 0);
    }
    assert.ok(calls > 200, `${calls} calls`);
    assert.ok(
      withOverlap > calls * 0.1 && withOverlap < calls * 0.9,
      `${withOverlap} of ${calls} calls overlap`,
    );
    assert.ok(abandoned > 0, 'no abandoned call');
  });

  it('lets good agents do more of the checklist than weak ones', () => {
    const agents = frontLineBySkill();
    const weak = new Set(agents.slice(0, 5).map((agent) => agent.id));
    const strong = new Set(agents.slice(-5).map((agent) => agent.id));
    const tally = { weak: { items: 0, conversations: 0 }, strong: { items: 0, conversations: 0 } };
    for (const conversation of sample20000) {
      if (conversation.agent === undefined || conversation.transfers !== 0) continue;
      const agentId = String(conversation.agent.id);
      const group = weak.has(agentId) ? tally.weak : strong.has(agentId) ? tally.strong : null;
      if (group === null) continue;
      const agent = roster.agents.find((candidate) => candidate.id === agentId) as DemoAgent;
      const bank = BANKS[agent.language] as PhraseBank;
      const messages = conversation.messages ?? [];
      group.conversations++;
      for (const templates of [
        bank.thanks,
        bank.ratingRequests,
        bank.anythingElse,
        bank.empathy,
        bank.rude,
      ]) {
        // Rude lines count against the agent.
        if (agentSaid(messages, agentId, templates)) group.items += templates === bank.rude ? -1 : 1;
      }
    }
    const weakRate = tally.weak.items / tally.weak.conversations;
    const strongRate = tally.strong.items / tally.strong.conversations;
    assert.ok(tally.weak.conversations > 300 && tally.strong.conversations > 300);
    assert.ok(
      strongRate > weakRate + 1,
      `strong ${strongRate.toFixed(2)} vs weak ${weakRate.toFixed(2)} items`,
    );
  });

  it("ties CSAT to the agent's behaviour", () => {
    const agents = frontLineBySkill();
    const weak = new Set(agents.slice(0, 5).map((agent) => agent.id));
    const strong = new Set(agents.slice(-5).map((agent) => agent.id));
    const scores = { weak: [] as number[], strong: [] as number[] };
    for (const conversation of sample20000) {
      const agentId = String(conversation.agent?.id ?? '');
      const csat = conversation.feedback?.find((answer) => answer.type === 'csat');
      if (csat === undefined) continue;
      assert.ok(csat.score >= 1 && csat.score <= 5 && csat.scale === 5);
      if (weak.has(agentId)) scores.weak.push(csat.score);
      if (strong.has(agentId)) scores.strong.push(csat.score);
    }
    const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
    assert.ok(scores.weak.length > 100 && scores.strong.length > 100);
    assert.ok(
      mean(scores.strong) > mean(scores.weak) + 0.8,
      `strong ${mean(scores.strong).toFixed(2)} vs weak ${mean(scores.weak).toFixed(2)}`,
    );
  });

  it('asks about a third of resolved conversations for a CSAT, some NPS and CES, with comments', () => {
    const resolved = sample20000.filter((conversation) => conversation.resolved_at !== undefined);
    const withCsat = resolved.filter((conversation) =>
      conversation.feedback?.some((answer) => answer.type === 'csat'),
    );
    const share = withCsat.length / resolved.length;
    assert.ok(share > 0.28 && share < 0.42, `CSAT on ${(share * 100).toFixed(1)} % of resolved`);
    const answers = sample20000.flatMap((conversation) => conversation.feedback ?? []);
    const nps = answers.filter((answer) => answer.type === 'nps');
    const ces = answers.filter((answer) => answer.type === 'ces');
    assert.ok(nps.length > 0 && nps.every((answer) => answer.score >= 0 && answer.score <= 10));
    assert.ok(ces.length > 0 && ces.every((answer) => answer.score >= 1 && answer.score <= 7));
    assert.ok(answers.some((answer) => answer.comment !== undefined));
    for (const conversation of sample20000) {
      if (conversation.feedback !== undefined) assert.ok(conversation.resolved_at !== undefined);
    }
  });

  it('includes complaints, escalations, transfers, notes, bots, reopenings and unfinished cases', () => {
    const count = (predicate: (conversation: ConversationInput) => boolean) =>
      sample20000.filter(predicate).length / sample20000.length;
    const complaints = count((conversation) => conversation.complaint === true);
    assert.ok(complaints > 0.02 && complaints < 0.1, `complaint flag on ${complaints}`);
    assert.ok(count((conversation) => conversation.tags?.includes('supervisor_request') === true) > 0.01);
    const transferred = count((conversation) => (conversation.transfers ?? 0) > 0);
    assert.ok(transferred > 0.04 && transferred < 0.2, `transfers on ${transferred}`);
    assert.ok(sample20000.every((conversation) => (conversation.transfers ?? 0) <= 2));
    const transfersAnnounced = sample20000
      .filter((conversation) => (conversation.transfers ?? 0) > 0)
      .every((conversation) => conversation.messages?.some((message) => message.role === 'system'));
    assert.ok(transfersAnnounced, 'a transfer without a system message');
    assert.ok(
      count((conversation) => conversation.messages?.some((message) => message.internal === true) === true) >
        0.03,
    );
    assert.ok(count((conversation) => conversation.messages?.[0]?.role === 'bot') > 0.03);
    assert.ok(count((conversation) => (conversation.reopened ?? 0) > 0) > 0.01);
    const unfinished = sample20000.filter(
      (conversation) => conversation.status === 'open' || conversation.status === 'pending',
    );
    assert.ok(
      unfinished.length > 0 && unfinished.every((conversation) => conversation.resolved_at === undefined),
    );
  });

  it('describes people plausibly: agents from the roster, customers with ids and contact details', () => {
    const agentIds = new Set(roster.agents.map((agent) => agent.id));
    for (const conversation of sample20000.slice(0, 2000)) {
      if (conversation.agent !== undefined) {
        assert.ok(agentIds.has(String(conversation.agent.id)));
        const agent = roster.agents.find((candidate) => candidate.id === conversation.agent?.id);
        assert.equal(conversation.agent.team, agent?.team);
      }
      const customer = conversation.customer;
      assert.ok(customer !== undefined && /^c-\d{6}$/.test(String(customer.id)));
      if (customer.email !== undefined) assert.match(customer.email, /^[a-z0-9._]+@[a-z.]+$/);
      if (customer.phone !== undefined) assert.match(customer.phone, /^(\+\d{1,3}|0|8 )[\d ()-]{7,}$/);
    }
  });
});

describe('demoRoster', () => {
  it('has about thirty agents in six teams, one of them mixed', () => {
    assert.equal(roster.teams.length, 6);
    assert.equal(roster.agents.length, 30);
    assert.deepEqual(
      roster.teams.map((team) => team.language),
      ['en', 'ru', 'bg', 'hr', 'hu', 'mul'],
    );
    const ids = new Set(roster.agents.map((agent) => agent.id));
    const emails = new Set(roster.agents.map((agent) => agent.email));
    assert.equal(ids.size, 30);
    assert.equal(emails.size, 30);
    for (const agent of roster.agents) {
      assert.match(agent.id, /^a-\d{3}$/);
      assert.match(agent.email, /^[a-z]+\.[a-z]+@lumio\.example$/);
      assert.ok(agent.skill >= 0 && agent.skill <= 1);
      assert.ok(roster.teams.some((team) => team.name === agent.team));
      assert.ok(LANGUAGES.includes(agent.language));
    }
    assert.deepEqual(demoRoster(4242), roster);
    assert.notDeepEqual(demoRoster(1), demoRoster(2));
  });

  it('writes Hungarian names family name first', () => {
    const hungarian = roster.agents.filter((agent) => agent.language === 'hu');
    const surnames = new Set(hu.names.surnames.map((surname) => surname.male));
    for (const agent of hungarian) assert.ok(surnames.has(agent.name.split(' ')[0] ?? ''), agent.name);
  });
});

describe('phrase banks', () => {
  const KNOWN = new Set([
    'name',
    'customer',
    'given',
    'email',
    'agent',
    'agentFull',
    'team',
    'company',
    'ticket',
    'order',
    'invoice',
    'amount',
    'amount2',
    'plan',
    'plan2',
    'dateOn',
    'dateBy',
    'timeAt',
    'timeBy',
    'days',
    'hours',
    'title',
    'url',
  ]);

  function strings(value: unknown): string[] {
    if (typeof value === 'string') return [value];
    if (Array.isArray(value)) return value.flatMap(strings);
    if (value !== null && typeof value === 'object') return Object.values(value).flatMap(strings);
    return [];
  }

  it('share one shape with several variants of everything', () => {
    const reference = Object.keys(en).sort();
    for (const [language, bank] of Object.entries(BANKS)) {
      assert.deepEqual(Object.keys(bank).sort(), reference, `${language} keys`);
      assert.equal(bank.language, language);
      for (const key of TOPIC_KEYS) {
        const topic = bank.topics[key];
        for (const [field, value] of Object.entries(topic)) {
          assert.ok(Array.isArray(value) && value.length > 0, `${language}.${key}.${field} is empty`);
        }
        assert.ok(topic.openings.length >= 3, `${language}.${key}: too few openings`);
        for (const question of topic.questions)
          assert.ok(question.ask.length > 0 && question.answers.length > 0);
      }
      for (const field of ['empathy', 'vague', 'rude', 'ratingRequests', 'thanks', 'anythingElse'] as const) {
        assert.ok(bank[field].length >= 3, `${language}.${field} needs variants`);
      }
    }
  });

  it('use only placeholders the generator fills', () => {
    for (const [language, bank] of Object.entries(BANKS)) {
      for (const text of strings(bank)) {
        for (const match of text.matchAll(/\{([^{}]*)\}/g)) {
          const key = match[1] ?? '';
          const ok = KNOWN.has(key) || /^\^?[^|]*\|[^|]*$/.test(key);
          assert.ok(ok, `${language}: unknown placeholder {${key}} in "${text}"`);
        }
        assert.equal(
          text.split('{').length,
          text.split('}').length,
          `${language}: unbalanced braces in "${text}"`,
        );
      }
    }
  });

  it('format dates, money and counts the local way', () => {
    const date = new Date(Date.UTC(2026, 2, 12));
    assert.equal(en.dateBy(date), 'by Thursday 12 March');
    assert.equal(ru.dateOn(date), '12 марта');
    assert.equal(ru.days(5), '5 рабочих дней');
    assert.equal(ru.days(3), '3 рабочих дня');
    assert.equal(bg.dateBy(date), 'до 12 март');
    assert.equal(hr.dateOn(date), '12. ožujka');
    assert.equal(hr.hours(24), '24 sata');
    assert.equal(hu.dateOn(date), 'március 12-én, csütörtökön');
    assert.equal(hu.dateBy(new Date(Date.UTC(2026, 3, 1))), 'április 1-jéig');
    assert.match(hu.money(20), /^\d[\d\u00a0]*\u00a0Ft$/);
    assert.match(ru.money(20), /^\d[\d\u00a0]*\u00a0₽$/);
    assert.match(en.money(20), /^£\d+\.\d\d$/);
  });

  it('address people in the right form', () => {
    const petar = hr.names.male.find((name) => name.name === 'Petar');
    assert.ok(petar !== undefined);
    const kovac = { male: 'Kovač', female: 'Kovač' };
    assert.equal(hr.formatName(petar, kovac, false, undefined, false).address, 'Petre');
    const anna = ru.names.female.find((name) => name.name === 'Анна');
    const sergey = ru.names.male.find((name) => name.name === 'Сергей');
    assert.ok(anna !== undefined && sergey !== undefined);
    const smirnova = { male: 'Смирнов', female: 'Смирнова' };
    assert.deepEqual(ru.formatName(anna, smirnova, true, sergey, true), {
      full: 'Анна Смирнова',
      given: 'Анна',
      address: 'Анна Сергеевна',
    });
    const peter = hu.names.male.find((name) => name.name === 'Péter');
    assert.ok(peter !== undefined);
    assert.equal(
      hu.formatName(peter, { male: 'Kovács', female: 'Kovács' }, false, undefined, false).full,
      'Kovács Péter',
    );
    const maria = bg.names.female.find((name) => name.name === 'Мария');
    assert.ok(maria !== undefined);
    assert.equal(
      bg.formatName(maria, { male: 'Петров', female: 'Петрова' }, true, undefined, true).address,
      'г-жо Петрова',
    );
  });
});
