/** The organisation's AutoQA settings, stored in the settings table over the engine's defaults. */
import type { Database } from '../../db/database.js';
import { DEFAULT_SETTINGS, type EngineSettings } from '../../engine/settings.js';
import { SettingsRepository } from '../settings/settings.repository.js';

const SETTINGS_KEY = 'autoqa';

/** The organisation's AutoQA settings over the defaults. */
export async function loadEngineSettings(database: Database): Promise<EngineSettings> {
  const stored = await new SettingsRepository(database.kysely).get(SETTINGS_KEY);
  return { ...DEFAULT_SETTINGS, ...(stored ? (JSON.parse(stored) as Partial<EngineSettings>) : {}) };
}

/** Saves the organisation's AutoQA settings (only the fields given change). */
export async function saveEngineSettings(
  database: Database,
  changes: Partial<EngineSettings>,
): Promise<EngineSettings> {
  const next = { ...(await loadEngineSettings(database)), ...changes };
  await new SettingsRepository(database.kysely).put(SETTINGS_KEY, JSON.stringify(next));
  return next;
}
