/** Settings of trend alerts: which metrics are watched, and where alerts are POSTed. */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { METRIC_IDS } from '../../domain/metrics.js';
import { invalidInput } from '../common/service-errors.js';
import { SettingsRepository } from '../settings/settings.repository.js';

/** Setting: comma-separated metric ids watched for alerts, per organisation and per team. */
export const ALERT_METRICS_SETTING = 'analytics.alert_metrics';

/** Setting: URL every new alert is POSTed to as JSON; empty or unset for none. */
export const ALERT_WEBHOOK_SETTING = 'analytics.alert_webhook_url';

/** Watched metrics of a new installation. */
export const DEFAULT_ALERT_METRICS = ['csat', 'nps', 'frt_median', 'aht', 'iqs'];

/** The alert settings in force. */
export interface AlertSettings {
  /** Metric ids watched. */
  metrics: string[];
  /** Webhook URL; empty for none. */
  webhookUrl: string;
}

/** The settings in force; unknown stored metric ids are left out. */
export async function loadAlertSettings(db: Kysely<DB>): Promise<AlertSettings> {
  const settings = new SettingsRepository(db);
  const [metrics, webhookUrl] = await Promise.all([
    settings.get(ALERT_METRICS_SETTING),
    settings.get(ALERT_WEBHOOK_SETTING),
  ]);
  return {
    metrics:
      metrics === undefined
        ? [...DEFAULT_ALERT_METRICS]
        : metrics
            .split(',')
            .map((m) => m.trim())
            .filter((m) => METRIC_IDS.includes(m)),
    webhookUrl: webhookUrl ?? '',
  };
}

/** Checks and stores changed settings; returns the settings in force. */
export async function saveAlertSettings(
  db: Kysely<DB>,
  changes: { metrics?: string[] | undefined; webhookUrl?: string | undefined },
): Promise<AlertSettings> {
  const problems: Array<{ field: string; reason: string }> = [];
  const metrics = changes.metrics?.map((m) => m.trim()).filter(Boolean);
  for (const metric of metrics ?? []) {
    if (!METRIC_IDS.includes(metric))
      problems.push({ field: 'metrics', reason: `unknown metric "${metric}"` });
  }
  const url = changes.webhookUrl?.trim();
  if (url) {
    let parsed: URL | undefined;
    try {
      parsed = new URL(url);
    } catch {
      problems.push({ field: 'webhookUrl', reason: `not a URL: "${url}"` });
    }
    if (parsed && parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
      problems.push({ field: 'webhookUrl', reason: 'only http and https URLs' });
  }
  if (problems.length > 0) throw invalidInput(problems);
  const settings = new SettingsRepository(db);
  if (metrics !== undefined) await settings.put(ALERT_METRICS_SETTING, metrics.join(','));
  if (url !== undefined) await settings.put(ALERT_WEBHOOK_SETTING, url);
  return loadAlertSettings(db);
}
