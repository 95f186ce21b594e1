/** The organisation's time zone, the one setting every period (week, month, day) depends on. */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { SettingsRepository } from './settings.repository.js';

/** Setting: the organisation's IANA time zone, e.g. `Europe/Zagreb`. */
export const TIME_ZONE_SETTING = 'organisation.time_zone';

/** Whether `zone` is a time zone this runtime knows. */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The organisation's time zone; UTC when unset or unknown. */
export async function organisationTimeZone(db: Kysely<DB>): Promise<string> {
  const zone = await new SettingsRepository(db).get(TIME_ZONE_SETTING);
  return zone && isTimeZone(zone) ? zone : 'UTC';
}
