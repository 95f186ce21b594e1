/** Translates stored and incoming conversations into the engine's input. */
import type { EngineConversation } from '../../engine/types.js';
import type { NormalizedConversation } from '../conversations/conversations.writer.js';

/** The engine's view of a validated conversation. */
export function toEngineConversation(conversation: NormalizedConversation): EngineConversation {
  return {
    id: conversation.externalId,
    channel: conversation.channel,
    language: conversation.language,
    createdAt: conversation.createdAt,
    resolvedAt: conversation.resolvedAt,
    status: conversation.status,
    customerName: conversation.customer?.name ?? null,
    markedComplaint: conversation.complaint,
    messages: conversation.messages.map((m) => ({
      role: m.role,
      text: m.text,
      at: m.at,
      internal: m.internal,
      startS: m.startS,
      endS: m.endS,
    })),
    feedback: conversation.feedback.map((f) => ({ type: f.type, score: f.score, scale: f.scale })),
  };
}
