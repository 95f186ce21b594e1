/**
 * Triage of a complaint text: a severity from what the customer wrote, in any supported
 * language. The organisation's own rules (phrases → severity) come first; then a demand to speak
 * to someone higher or strongly negative wording makes it high, a demand for a remedy or a
 * formal complaint medium, anything else low.
 */
import { lexiconEntries } from './compiled-lexicon.js';
import type { Lexicon } from './lexicons/lexicon.js';
import { PhraseMatcher } from './match/phrase-matcher.js';
import { tokenize } from './text/tokenize.js';

/** Severities, lowest first (the same as the register's). */
export const TRIAGE_SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
/** A severity. */
export type TriageSeverity = (typeof TRIAGE_SEVERITIES)[number];

/** An organisation's rule: any of these phrases makes the complaint at least this severe. */
export interface TriageRule {
  phrases: string[];
  severity: TriageSeverity;
}

const SIGNALS: Record<string, TriageSeverity> = {
  'customer.escalationRequest': 'high',
  'sentiment.strongNegative': 'high',
  'complaint.demand': 'medium',
  'complaint.formal': 'medium',
};

const rank = (severity: TriageSeverity) => TRIAGE_SEVERITIES.indexOf(severity);

/** Severity from text, compiled once for a set of lexicons and rules. */
export class ComplaintTriage {
  private readonly matcher: PhraseMatcher<string>;

  constructor(lexicons: readonly Lexicon[], rules: readonly TriageRule[] = []) {
    const entries: Array<{ phrase: string; tag: string }> = [];
    for (const lexicon of lexicons) {
      for (const entry of lexiconEntries(lexicon)) {
        if (entry.category in SIGNALS) entries.push({ phrase: entry.phrase, tag: entry.category });
      }
    }
    rules.forEach((rule, index) => {
      for (const phrase of rule.phrases) entries.push({ phrase, tag: `rule:${index}:${rule.severity}` });
    });
    this.matcher = new PhraseMatcher(entries);
  }

  /** The severity of a text and what decided it. */
  assess(text: string): { severity: TriageSeverity; reasons: string[] } {
    const tags = new Set(this.matcher.match(tokenize(text)).map((m) => m.tag));
    const ruled = [...tags].filter((tag) => tag.startsWith('rule:'));
    if (ruled.length > 0) {
      const severities = ruled.map((tag) => tag.split(':')[2] as TriageSeverity);
      const severity = severities.reduce((a, b) => (rank(b) > rank(a) ? b : a));
      return { severity, reasons: ruled.map((tag) => `rule ${Number(tag.split(':')[1]) + 1}`) };
    }
    let severity: TriageSeverity = 'low';
    const reasons: string[] = [];
    for (const [tag, level] of Object.entries(SIGNALS)) {
      if (!tags.has(tag)) continue;
      reasons.push(tag);
      if (rank(level) > rank(severity)) severity = level;
    }
    return { severity, reasons };
  }
}
