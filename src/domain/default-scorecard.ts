/**
 * The scorecard a new installation starts with: the categories the requirements name
 * (responsiveness, knowledge, attitude, culture fit, problem resolution, after-sales service),
 * rated 1–5 and weighted by importance, followed by the conversation checklist as pass/fail
 * items, each linked to the AutoQA check that pre-fills it.
 */
import type { ScorecardCategory, ScorecardDefinition } from './scorecard.js';

const CALLS = { channels: ['phone', 'in_person'] };

function rated(
  key: string,
  name: string,
  weight: number,
  guidance: string,
  rootCauses: string[],
): ScorecardCategory {
  return {
    key,
    name,
    group: 'Service',
    weight,
    scale: '5-point',
    critical: false,
    allowNa: false,
    rootCauses,
    guidance,
    autoqaCheck: null,
    appliesTo: {},
  };
}

function checklist(
  key: string,
  name: string,
  guidance: string,
  options: Partial<Pick<ScorecardCategory, 'critical' | 'weight' | 'appliesTo' | 'group'>> = {},
): ScorecardCategory {
  return {
    key,
    name,
    group: options.group ?? 'Checklist',
    weight: options.weight ?? 1,
    scale: 'binary',
    critical: options.critical ?? false,
    allowNa: true,
    rootCauses: ['knowledge', 'process', 'tooling', 'attitude', 'workload'],
    guidance,
    autoqaCheck: key,
    appliesTo: options.appliesTo ?? {},
  };
}

const COMMON_CAUSES = ['knowledge', 'process', 'tooling', 'attitude', 'workload'];

/** The shipped default scorecard. */
export const DEFAULT_SCORECARD: ScorecardDefinition = {
  name: 'Customer service quality',
  description:
    'Service categories rated 1–5 by importance, and the conversation checklist pre-filled by AutoQA.',
  passMark: 80,
  categories: [
    rated('responsiveness', 'Responsiveness', 4, 'Answered promptly; kept the customer informed.', [
      'workload',
      'process',
      'tooling',
    ]),
    rated('knowledge', 'Knowledge', 5, 'Correct, complete and concrete information.', COMMON_CAUSES),
    rated('attitude', 'Attitude', 4, 'Friendly, calm and respectful throughout.', ['attitude', 'workload']),
    rated('culture_fit', 'Fit with company culture', 2, 'Tone and wording match the company voice.', [
      'attitude',
      'knowledge',
    ]),
    rated('problem_resolution', 'Problem resolution', 5, 'The problem was solved, or a clear path given.', [
      ...COMMON_CAUSES,
      'product defect',
    ]),
    rated('after_sales', 'After-sales service', 3, 'Follow-up, education and next contact made easy.', [
      'process',
      'knowledge',
    ]),
    checklist(
      'greeting',
      'Greeting',
      'A live, human greeting suited to the time of day, or a neutral hello.',
    ),
    checklist('customer_name', "Customer's name used", 'Asked for the name and used it.'),
    checklist(
      'empathy',
      'Empathy and apology',
      'Apologised for the trouble where the customer had a problem.',
    ),
    checklist('talk_over', 'Active listening (no talk-over)', 'Let the customer finish speaking.', {
      appliesTo: CALLS,
    }),
    checklist('no_jargon', 'No jargon', 'Plain words; internal terms only where unavoidable.'),
    checklist('options_offered', 'Options offered', 'Several solutions, or an alternative when none fits.'),
    checklist('answered_questions', 'Every question answered', 'Each customer question got an answer.', {
      weight: 2,
    }),
    checklist('concrete_answer', 'Concrete information', 'A "when?" got a time, a "how much?" a figure.', {
      weight: 2,
    }),
    checklist('time_estimate', 'Resolution estimate', 'A date or time frame when not solved on the spot.'),
    checklist('clear_next_steps', 'Next steps stated', 'What happens next, and who does it.'),
    checklist('education', 'Customer educated', 'A help article, video or self-service tip offered.'),
    checklist('positive_tone', 'Positive tone', 'Never rude; never mirrors an irritated customer.', {
      critical: true,
      weight: 2,
    }),
    checklist('anything_else', 'Anything else?', '"Is there anything else I can help with?"'),
    checklist('thanks', 'Thanks', 'Thanked the customer for their time and patience.'),
    checklist('rating_request', 'Rating requested', 'Asked the customer to rate the conversation.'),
    checklist('no_blame', 'No blame', 'Never blamed the customer.', { critical: true, weight: 2 }),
    checklist('escalation_offered', 'Escalation offered', 'Offered a supervisor when asked for or needed.'),
    checklist('follow_up_24h', 'Follow-up every 24 h', 'Long cases got an update at least daily.'),
  ],
};
