/** What the engine reads and what it returns. Pure data: no database, no I/O. */

/** A message as the engine sees it. */
export interface EngineMessage {
  role: 'customer' | 'agent' | 'bot' | 'system';
  text: string;
  /** Epoch milliseconds, when known. */
  at: number | null;
  internal: boolean;
  startS: number | null;
  endS: number | null;
}

/** A conversation as the engine sees it. */
export interface EngineConversation {
  id: string;
  channel: string;
  /** Language given by the source; it wins over detection. */
  language: string | null;
  createdAt: number;
  resolvedAt: number | null;
  status: string | null;
  customerName: string | null;
  /** The source marked it a complaint. */
  markedComplaint: boolean;
  messages: EngineMessage[];
  /** Survey answers (score on scale). */
  feedback: Array<{ type: string; score: number; scale: number }>;
}

/** Where a check found what it looked for. */
export interface Evidence {
  message: number;
  start: number;
  end: number;
  text: string;
}

/** The result of one check. */
export interface CheckResult {
  result: 'pass' | 'fail' | 'na';
  evidence: Evidence[];
  confidence: number;
}

/** A sentiment label. */
export type SentimentLabel = 'negative' | 'neutral' | 'positive';

/** Everything the engine says about one conversation. */
export interface ConversationAnalysis {
  id: string;
  language: string;
  languageConfidence: number;
  /** Language of each message (short messages take the conversation's). */
  messageLanguages: string[];
  checks: Record<string, CheckResult>;
  sentiment: {
    label: SentimentLabel;
    score: number;
    start: SentimentLabel;
    end: SentimentLabel;
    shift: number;
    messages: Array<{ label: SentimentLabel; score: number }>;
  };
  complaint: { detected: boolean; confidence: number; topics: string[] };
  /** Why the conversation should be reviewed by a person; empty when it need not be. */
  flags: string[];
}
