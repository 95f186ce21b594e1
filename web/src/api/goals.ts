/** Goals: a target per metric and scope over a span of days. */
import { request } from './client';

/** Where a goal applies. */
export type GoalScope = 'organisation' | 'channel' | 'team' | 'agent';

/** A goal as the API returns it. */
export interface Goal {
  id: number;
  metric: string;
  scope: GoalScope;
  /** Team name, agent id in the source system or channel; null for the organisation. */
  scope_value: string | null;
  target: number;
  /** First day in force, YYYY-MM-DD. */
  valid_from: string;
  /** Last day in force, or null while open. */
  valid_to: string | null;
  updated_at: string;
}

/** What creating or changing a goal takes. */
export interface GoalInput {
  metric: string;
  scope: GoalScope;
  scope_value: string | null;
  target: number;
  valid_from?: string;
  valid_to: string | null;
}

/** Every goal. */
export function listGoals(signal?: AbortSignal): Promise<Goal[]> {
  return request('GET', '/goals', { signal });
}

/** Sets a new goal. */
export function createGoal(goal: GoalInput): Promise<Goal> {
  return request('POST', '/goals', { body: goal });
}

/** Changes a goal's target or days. */
export function updateGoal(id: number, changes: Partial<GoalInput>): Promise<Goal> {
  return request('PATCH', `/goals/${encodeURIComponent(String(id))}`, { body: changes });
}

/** Deletes a goal. */
export function deleteGoal(id: number): Promise<void> {
  return request('DELETE', `/goals/${encodeURIComponent(String(id))}`);
}
