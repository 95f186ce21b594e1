/**
 * Runtime configuration, read once from flags and environment variables.
 * Every field is documented in the README's configuration table.
 */
import path from 'node:path';

/** Settings the server, the CLI and the workers share. */
export interface KvalitaConfig {
  /** Folder for the embedded database and other local state (`--data-dir`, `KVALITA_DATA_DIR`). */
  dataDir: string;
  /** PostgreSQL connection string; when set, PostgreSQL is used instead of the embedded SQLite (`DATABASE_URL`). */
  databaseUrl: string | undefined;
  /** Interface the HTTP server binds to (`--host`, `KVALITA_HOST`). */
  host: string;
  /** Port of the HTTP server (`--port`, `KVALITA_PORT`). */
  port: number;
  /** Lifetime of a sign-in session in hours (`KVALITA_SESSION_HOURS`). */
  sessionHours: number;
  /** Mark the session cookie Secure; set when served over HTTPS (`KVALITA_SECURE_COOKIES=1`). */
  secureCookies: boolean;
  /** Largest accepted request body in bytes (`KVALITA_BODY_LIMIT`). */
  bodyLimit: number;
  /** Sign-in attempts allowed per client address per minute (`KVALITA_LOGIN_RATE`). */
  loginAttemptsPerMinute: number;
}

/** Flags that override the environment. */
export interface ConfigOverrides {
  dataDir?: string | undefined;
  host?: string | undefined;
  port?: number | undefined;
}

function intFromEnv(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) {
    throw new Error(`${name}: not a positive integer: "${raw}"`);
  }
  return value;
}

/** Builds the configuration from flags, then environment variables, then defaults. */
export function loadConfig(
  overrides: ConfigOverrides = {},
  env: NodeJS.ProcessEnv = process.env,
): KvalitaConfig {
  return {
    dataDir: path.resolve(overrides.dataDir ?? env.KVALITA_DATA_DIR ?? './data'),
    databaseUrl: env.DATABASE_URL || undefined,
    host: overrides.host ?? env.KVALITA_HOST ?? '0.0.0.0',
    port: overrides.port ?? intFromEnv(env, 'KVALITA_PORT', 8080),
    sessionHours: intFromEnv(env, 'KVALITA_SESSION_HOURS', 12),
    secureCookies: env.KVALITA_SECURE_COOKIES === '1' || env.KVALITA_SECURE_COOKIES === 'true',
    bodyLimit: intFromEnv(env, 'KVALITA_BODY_LIMIT', 32 * 1024 * 1024),
    loginAttemptsPerMinute: intFromEnv(env, 'KVALITA_LOGIN_RATE', 10),
  };
}
