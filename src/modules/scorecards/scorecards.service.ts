/**
 * Scorecards: create, edit (every edit is a new version; reviews keep the version they were made
 * on), archive, choose the default, and scorecards as code (YAML export and import).
 */
import { Ajv, type ErrorObject } from 'ajv';
import { parseDocument, stringify } from 'yaml';
import type { Database } from '../../db/database.js';
import { DEFAULT_SCORECARD } from '../../domain/default-scorecard.js';
import { type ScorecardDefinition, validateDefinition } from '../../domain/scorecard.js';
import { conflictError, type FieldProblem, invalidInput, notFoundError } from '../common/service-errors.js';
import { SettingsRepository } from '../settings/settings.repository.js';
import { type ScorecardRow, ScorecardsRepository } from './scorecards.repository.js';
import { DefinitionSchema } from './scorecards.schema.js';

/** A scorecard as the API shows it. */
export interface ScorecardView {
  id: number;
  name: string;
  version: number;
  version_id: number;
  is_default: boolean;
  archived: boolean;
  created_at: string;
  updated_at: string;
  definition: ScorecardDefinition;
}

/** Setting that records when the shipped default scorecard was installed. */
const DEFAULT_INSTALLED_SETTING = 'scorecards.default_installed_at';

const ajv = new Ajv({ allErrors: true, strict: false, useDefaults: true });
const checkDefinition = ajv.compile<ScorecardDefinition>(DefinitionSchema);

function problemOf(error: ErrorObject): FieldProblem {
  const path = error.instancePath
    .split('/')
    .slice(1)
    .reduce((acc, part) => (/^\d+$/.test(part) ? `${acc}[${part}]` : acc ? `${acc}.${part}` : part), '');
  if (error.keyword === 'required') {
    const missing = String((error.params as { missingProperty: string }).missingProperty);
    return { field: path ? `${path}.${missing}` : missing, reason: 'required' };
  }
  if (error.keyword === 'additionalProperties') {
    const extra = String((error.params as { additionalProperty: string }).additionalProperty);
    return { field: path ? `${path}.${extra}` : extra, reason: 'unknown field' };
  }
  if (error.keyword === 'enum') {
    const allowed = (error.params as { allowedValues: unknown[] }).allowedValues;
    return { field: path, reason: `must be one of ${allowed.join(', ')}` };
  }
  return { field: path || 'definition', reason: error.message ?? 'invalid' };
}

/**
 * The definition with defaults filled in and its rules checked, or the list of problems. The
 * input is not modified.
 */
export function parseDefinition(
  input: unknown,
): { ok: true; value: ScorecardDefinition } | { ok: false; problems: FieldProblem[] } {
  const copy = structuredClone(input);
  if (!checkDefinition(copy)) {
    const problems = (checkDefinition.errors ?? []).map(problemOf);
    return { ok: false, problems };
  }
  const problems = validateDefinition(copy);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: copy };
}

function view(row: ScorecardRow): ScorecardView {
  return {
    id: row.id,
    name: row.name,
    version: row.current_version,
    version_id: row.version_id,
    is_default: row.is_default === 1,
    archived: row.archived === 1,
    created_at: new Date(row.created_at).toISOString(),
    updated_at: new Date(row.updated_at).toISOString(),
    definition: JSON.parse(row.definition) as ScorecardDefinition,
  };
}

/** What an import did. */
export interface ImportOutcome {
  scorecard: ScorecardView;
  action: 'created' | 'new_version' | 'unchanged';
}

/** Use cases of scorecards. */
export class ScorecardsService {
  private readonly repository: ScorecardsRepository;
  private readonly settings: SettingsRepository;
  private defaultInstalled = false;

  constructor(private readonly database: Database) {
    this.repository = new ScorecardsRepository(database.kysely);
    this.settings = new SettingsRepository(database.kysely);
  }

  /**
   * Installs the shipped default scorecard once per installation (a setting remembers it, so a
   * scorecard the users deleted or renamed is not brought back).
   */
  async ensureDefault(): Promise<void> {
    if (this.defaultInstalled) return;
    if ((await this.settings.get(DEFAULT_INSTALLED_SETTING)) === undefined) {
      const now = Date.now();
      await this.database.kysely.transaction().execute(async (tx) => {
        const marked = await tx
          .insertInto('settings')
          .values({ key: DEFAULT_INSTALLED_SETTING, value: String(now) })
          .onConflict((oc) => oc.column('key').doNothing())
          .executeTakeFirst();
        // Another process installed it first.
        if (Number(marked.numInsertedOrUpdatedRows ?? 0) === 0) return;
        if (await this.repository.findByName(DEFAULT_SCORECARD.name, tx)) return;
        const hasDefault = (await this.repository.findDefault(tx)) !== undefined;
        await this.repository.create(tx, {
          name: DEFAULT_SCORECARD.name,
          definition: JSON.stringify(DEFAULT_SCORECARD),
          userId: null,
          isDefault: !hasDefault,
          now,
        });
      });
    }
    this.defaultInstalled = true;
  }

  /** Every scorecard (archived ones on request). */
  async list(includeArchived = false): Promise<ScorecardView[]> {
    await this.ensureDefault();
    return (await this.repository.list(includeArchived)).map(view);
  }

  /** One scorecard with its current definition and the list of its versions. */
  async get(id: number) {
    const row = await this.repository.find(id);
    if (!row) throw notFoundError(`scorecard ${id}`);
    const versions = await this.repository.versions(id);
    return {
      ...view(row),
      versions: versions.map((v) => ({
        version: v.version,
        version_id: v.id,
        created_by: v.created_by,
        created_at: new Date(v.created_at).toISOString(),
      })),
    };
  }

  /** The scorecard new reviews use when none is named. */
  async getDefault(): Promise<ScorecardView> {
    await this.ensureDefault();
    const row = (await this.repository.findDefault()) ?? (await this.repository.list(false))[0];
    if (!row) throw notFoundError('an active scorecard');
    return view(row);
  }

  /** A scorecard version's definition by its row id. */
  async definitionOfVersion(
    versionId: number,
  ): Promise<{ scorecardId: number; version: number; definition: ScorecardDefinition }> {
    const row = await this.repository.version(versionId);
    if (!row) throw notFoundError(`scorecard version ${versionId}`);
    return {
      scorecardId: row.scorecard_id,
      version: row.version,
      definition: JSON.parse(row.definition) as ScorecardDefinition,
    };
  }

  /** One version of a scorecard by number. */
  async getVersion(id: number, version: number) {
    const row = await this.repository.versionByNumber(id, version);
    if (!row) throw notFoundError(`version ${version} of scorecard ${id}`);
    return {
      id,
      version: row.version,
      version_id: row.id,
      created_at: new Date(row.created_at).toISOString(),
      definition: JSON.parse(row.definition) as ScorecardDefinition,
    };
  }

  /** Creates a scorecard from a definition. */
  async create(
    input: unknown,
    userId: number | null,
    options: { isDefault?: boolean } = {},
  ): Promise<ScorecardView> {
    const parsed = parseDefinition(input);
    if (!parsed.ok)
      throw invalidInput(parsed.problems.map((p) => ({ ...p, field: `definition.${p.field}` })));
    if (await this.repository.findByName(parsed.value.name)) {
      throw conflictError('exists', `a scorecard named "${parsed.value.name}" exists already`);
    }
    const id = await this.database.kysely.transaction().execute((tx) =>
      this.repository.create(tx, {
        name: parsed.value.name,
        definition: JSON.stringify(parsed.value),
        userId,
        isDefault: options.isDefault ?? false,
        now: Date.now(),
      }),
    );
    if (options.isDefault) await this.repository.setDefault(id, Date.now());
    return view((await this.repository.find(id)) as ScorecardRow);
  }

  /**
   * Saves an edited definition as a new version. An identical definition adds nothing (so a
   * retried edit is harmless); an edit based on an older version than the current one is
   * refused with 409 and nothing is lost.
   */
  async update(
    id: number,
    input: unknown,
    userId: number | null,
    baseVersion?: number,
  ): Promise<{ scorecard: ScorecardView; changed: boolean }> {
    const parsed = parseDefinition(input);
    if (!parsed.ok)
      throw invalidInput(parsed.problems.map((p) => ({ ...p, field: `definition.${p.field}` })));
    const current = await this.repository.find(id);
    if (!current) throw notFoundError(`scorecard ${id}`);
    const definition = JSON.stringify(parsed.value);
    if (definition === current.definition) return { scorecard: view(current), changed: false };
    if (baseVersion !== undefined && baseVersion !== current.current_version) {
      throw conflictError(
        'stale_version',
        `scorecard ${id} is at version ${current.current_version}; this edit was based on version ${baseVersion}`,
        { current_version: current.current_version },
      );
    }
    const other = await this.repository.findByName(parsed.value.name);
    if (other && other.id !== id) {
      throw conflictError('exists', `a scorecard named "${parsed.value.name}" exists already`);
    }
    const added = await this.database.kysely.transaction().execute((tx) =>
      this.repository.addVersion(tx, {
        scorecardId: id,
        previous: current.current_version,
        name: parsed.value.name,
        definition,
        userId,
        now: Date.now(),
      }),
    );
    if (!added) {
      throw conflictError(
        'stale_version',
        `scorecard ${id} was changed by someone else meanwhile; reload it`,
      );
    }
    return { scorecard: view((await this.repository.find(id)) as ScorecardRow), changed: true };
  }

  /** Archives (hides from new reviews) or restores a scorecard. */
  async setArchived(id: number, archived: boolean): Promise<ScorecardView> {
    if (!(await this.repository.find(id))) throw notFoundError(`scorecard ${id}`);
    await this.repository.setArchived(id, archived, Date.now());
    return view((await this.repository.find(id)) as ScorecardRow);
  }

  /** Makes a scorecard the default. */
  async setDefault(id: number): Promise<ScorecardView> {
    const row = await this.repository.find(id);
    if (!row) throw notFoundError(`scorecard ${id}`);
    if (row.archived === 1)
      throw invalidInput([{ field: 'id', reason: 'an archived scorecard cannot be the default' }]);
    await this.repository.setDefault(id, Date.now());
    return view((await this.repository.find(id)) as ScorecardRow);
  }

  /** The YAML of a scorecard's current version (`kvalita scorecard export`). */
  async exportYaml(id?: number): Promise<string> {
    const scorecard = id === undefined ? await this.getDefault() : await this.get(id);
    const header = `# Kvalita scorecard "${scorecard.name}", version ${scorecard.version}.\n# Edit and load with: kvalita scorecard import FILE.yaml\n`;
    return header + stringify(scorecard.definition, { lineWidth: 100 });
  }

  /**
   * Loads a scorecard from YAML: a new scorecard when no scorecard has its name, else a new
   * version of that one (or nothing, when the content is the same). Errors name the line.
   */
  async importYaml(text: string, source: string, userId: number | null): Promise<ImportOutcome> {
    const document = parseDocument(text, { prettyErrors: false });
    if (document.errors.length > 0) {
      const first = document.errors[0];
      const line = first?.linePos?.[0]?.line;
      throw invalidInput([
        {
          field: line ? `${source}:${line}` : source,
          reason: first?.message.split('\n')[0] ?? 'invalid YAML',
        },
      ]);
    }
    const input = document.toJS() as unknown;
    const parsed = parseDefinition(input);
    if (!parsed.ok) {
      throw invalidInput(
        parsed.problems.map((problem) => ({
          field: `${source}${lineOf(document, text, problem.field)}: ${problem.field}`,
          reason: problem.reason,
        })),
      );
    }
    const existing = await this.repository.findByName(parsed.value.name);
    if (!existing) return { scorecard: await this.create(parsed.value, userId), action: 'created' };
    const { scorecard, changed } = await this.update(existing.id, parsed.value, userId);
    return { scorecard, action: changed ? 'new_version' : 'unchanged' };
  }
}

// The line of a field in the YAML text, as ":N" (the nearest enclosing node that exists), or "".
function lineOf(document: ReturnType<typeof parseDocument>, text: string, field: string): string {
  const path = field
    .split(/\.|\[(\d+)\]/)
    .filter((part) => part !== undefined && part !== '')
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
  for (let length = path.length; length >= 0; length -= 1) {
    const node = (length === 0 ? document.contents : document.getIn(path.slice(0, length), true)) as
      | { range?: [number, number, number] }
      | undefined;
    const offset = node?.range?.[0];
    if (offset !== undefined) return `:${text.slice(0, offset).split('\n').length}`;
  }
  return '';
}
