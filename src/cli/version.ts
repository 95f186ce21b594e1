/** The product version, read from package.json once. */
import { readFileSync } from 'node:fs';

/** Version of this build of Kvalita. */
export const VERSION: string = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;
