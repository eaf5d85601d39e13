// The schema, as a list of migrations. PRAGMA user_version is the number of migrations applied.
// Tables are plain and readable in the sqlite3 shell, Datasette and sqlite-utils:
// one row per source, per project, and link tables for donors, countries, places and partners.
import type BetterSqlite3 from 'better-sqlite3';
import { titleKeys } from './titles.js';

type Db = BetterSqlite3.Database;

/**
 * The value of projects.links for the project whose id is `idRef`, read from the link tables in
 * their stored order: {"donors":[[name, code]], "countries":[code], "places":[name],
 * "partners":[[name, role]]}. Used by the migration, by writeSource and by \`iom check\`.
 */
export function linksExpr(idRef: string): string {
  return `json_object(
    'donors', json((SELECT json_group_array(json_array(name, code)) FROM (SELECT name, code FROM project_donors WHERE project_id = ${idRef} ORDER BY position))),
    'countries', json((SELECT json_group_array(code) FROM (SELECT code FROM project_countries WHERE project_id = ${idRef} ORDER BY rowid))),
    'places', json((SELECT json_group_array(name) FROM (SELECT name FROM project_places WHERE project_id = ${idRef} ORDER BY rowid))),
    'partners', json((SELECT json_group_array(json_array(name, role)) FROM (SELECT name, role FROM project_partners WHERE project_id = ${idRef} ORDER BY rowid))))`;
}

/** A migration: SQL, or a function for what SQL cannot compute (run in the same transaction). */
export type Migration = string | ((db: Db) => void);

export const MIGRATIONS: Migration[] = [
  /* 1 */ `
  CREATE TABLE sources (
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    format TEXT NOT NULL,
    kind TEXT NOT NULL,
    hash TEXT NOT NULL,
    bytes INTEGER NOT NULL,
    pages INTEGER,
    ingested_at TEXT NOT NULL,
    records INTEGER NOT NULL,
    repairs INTEGER NOT NULL,
    lost_sequences TEXT,
    warnings TEXT
  );
  CREATE INDEX sources_hash ON sources(hash);

  CREATE TABLE projects (
    id TEXT PRIMARY KEY,
    source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    kind TEXT NOT NULL,
    title TEXT NOT NULL,
    acronym TEXT,
    section TEXT,
    status TEXT,
    status_code INTEGER,
    status_derived INTEGER NOT NULL DEFAULT 0,
    type TEXT,
    start TEXT,
    "end" TEXT,
    end_open INTEGER NOT NULL DEFAULT 0,
    activity_start TEXT,
    activity_end TEXT,
    active_from TEXT,
    active_to TEXT,
    budget_amount REAL,
    budget_currency TEXT,
    budget_usd REAL,
    coverage TEXT,
    year INTEGER,
    idf_region TEXT,
    prima_id TEXT,
    project_id TEXT,
    summary TEXT,
    text TEXT NOT NULL,
    beneficiaries TEXT NOT NULL DEFAULT '[]',
    raw TEXT NOT NULL DEFAULT '{}',
    repairs INTEGER NOT NULL DEFAULT 0
  );
  CREATE INDEX projects_source ON projects(source_id);
  CREATE INDEX projects_status ON projects(status);
  CREATE INDEX projects_type ON projects(type);
  CREATE INDEX projects_active ON projects(active_from, active_to);
  CREATE INDEX projects_project_id ON projects(project_id);
  CREATE INDEX projects_prima_id ON projects(prima_id);

  CREATE TABLE project_donors (
    project_id TEXT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    code TEXT,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    parent TEXT,
    raw TEXT NOT NULL,
    known INTEGER NOT NULL,
    PRIMARY KEY (project_id, position)
  );
  CREATE INDEX project_donors_code ON project_donors(code);
  CREATE INDEX project_donors_parent ON project_donors(parent);

  CREATE TABLE project_countries (
    project_id TEXT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    code TEXT NOT NULL,
    name TEXT NOT NULL,
    raw TEXT,
    PRIMARY KEY (project_id, code)
  );
  CREATE INDEX project_countries_code ON project_countries(code);

  CREATE TABLE project_places (
    project_id TEXT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    country TEXT,
    kind TEXT NOT NULL,
    raw TEXT,
    PRIMARY KEY (project_id, name)
  );
  CREATE INDEX project_places_country ON project_places(country);

  CREATE TABLE project_partners (
    project_id TEXT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('partner', 'implementer')),
    PRIMARY KEY (project_id, name, role)
  );

  CREATE VIRTUAL TABLE projects_fts USING fts5(
    title, summary, text,
    content='projects', tokenize='unicode61 remove_diacritics 2'
  );
  CREATE TRIGGER projects_ai AFTER INSERT ON projects BEGIN
    INSERT INTO projects_fts(rowid, title, summary, text) VALUES (new.rowid, new.title, new.summary, new.text);
  END;
  CREATE TRIGGER projects_ad AFTER DELETE ON projects BEGIN
    INSERT INTO projects_fts(projects_fts, rowid, title, summary, text) VALUES ('delete', old.rowid, old.title, old.summary, old.text);
  END;
  CREATE TRIGGER projects_au AFTER UPDATE ON projects BEGIN
    INSERT INTO projects_fts(projects_fts, rowid, title, summary, text) VALUES ('delete', old.rowid, old.title, old.summary, old.text);
    INSERT INTO projects_fts(rowid, title, summary, text) VALUES (new.rowid, new.title, new.summary, new.text);
  END;

  CREATE VIEW projects_with_donors AS
    SELECT p.id, p.title, p.acronym, p.status, p.start, p."end", p.budget_usd,
           group_concat(d.name, '; ') AS donors, s.path AS source
    FROM projects p
    JOIN sources s ON s.id = p.source_id
    LEFT JOIN project_donors d ON d.project_id = p.id
    GROUP BY p.id;
  `,
  /* 2: one project, many sources. Records that describe the same project share a group_id. */ `
  ALTER TABLE projects ADD COLUMN group_id TEXT;
  UPDATE projects SET group_id = id;
  CREATE INDEX projects_group ON projects(group_id);
  CREATE INDEX projects_acronym ON projects(acronym);
  `,
  /* 3: a project's donors, countries, places and partners as one JSON column (read by query in
     one go instead of four lookups per row); the link tables stay the source of truth. The
     full-text index is updated only when a text column changes (not when links or group_id do).
     Covering indexes let --donor and the default order be answered from indexes alone. */ `
  ALTER TABLE projects ADD COLUMN links TEXT;
  DROP TRIGGER projects_au;
  CREATE TRIGGER projects_au AFTER UPDATE OF title, summary, text ON projects BEGIN
    INSERT INTO projects_fts(projects_fts, rowid, title, summary, text) VALUES ('delete', old.rowid, old.title, old.summary, old.text);
    INSERT INTO projects_fts(rowid, title, summary, text) VALUES (new.rowid, new.title, new.summary, new.text);
  END;
  UPDATE projects SET links = ${linksExpr('projects.id')};
  -- index-only answers for the filters: a donor's projects (code or parent -> project ids), the
  -- order of matching projects (id -> source, position), unknown funders by name
  DROP INDEX project_donors_code;
  DROP INDEX project_donors_parent;
  CREATE INDEX project_donors_code ON project_donors(code, project_id);
  CREATE INDEX project_donors_parent ON project_donors(parent, project_id);
  CREATE INDEX project_donors_unknown ON project_donors(name COLLATE NOCASE) WHERE code IS NULL;
  CREATE INDEX projects_order ON projects(id, source_id, position);
  `,
  /* 4: the full-text index declared as sqlite-utils and Datasette look for it: their detect_fts
     matches content="projects" or content=[projects] in the table's SQL, not content='projects'.
     A virtual table's arguments cannot be altered: it is made again and rebuilt from projects
     (the triggers name it, and go on working). */ `
  DROP TABLE projects_fts;
  CREATE VIRTUAL TABLE projects_fts USING fts5(
    title, summary, text,
    content="projects", tokenize='unicode61 remove_diacritics 2'
  );
  INSERT INTO projects_fts(projects_fts) VALUES ('rebuild');
  `,
  /* 5: a source whose text was read by OCR (scanned PDF pages): how many pages, and Tesseract's
     mean word confidence (0-100). Both NULL for a text layer, HTML or text. */ `
  ALTER TABLE sources ADD COLUMN ocr_pages INTEGER;
  ALTER TABLE sources ADD COLUMN ocr_confidence REAL;
  `,
  /* 6: narrow rows (issue 13). A project's bulk text (summary, text) lives in project_texts, one
     row per project record keyed by its id (rid = the record's rowid in project_rows), so that scans,
     filters and counts read narrow rows. \`projects\` becomes a view with the columns it had (and
     its rowid as a column), so SQL written against it (iom sql, sqlite3, Datasette) reads as before;
     INSTEAD OF triggers make it writable as before. The full-text index keeps its name and its
     rowids (those of project_rows) and is declared content="project_texts" (which carries a copy
     of the title): sqlite-utils and Datasette find it for project_texts (\`sqlite-utils search db
     project_texts …\`); they cannot search a view. */ `
  DROP TRIGGER projects_ai;
  DROP TRIGGER projects_ad;
  DROP TRIGGER projects_au;
  DROP TABLE projects_fts;
  DROP VIEW projects_with_donors;
  ALTER TABLE projects RENAME TO project_rows;
  CREATE TABLE project_texts (
    rid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE REFERENCES project_rows(id) ON DELETE CASCADE ON UPDATE CASCADE,
    title TEXT NOT NULL,
    summary TEXT,
    text TEXT NOT NULL
  );
  INSERT INTO project_texts (rid, id, title, summary, text) SELECT rowid, id, title, summary, text FROM project_rows ORDER BY rowid;
  ALTER TABLE project_rows DROP COLUMN summary;
  ALTER TABLE project_rows DROP COLUMN text;
  CREATE TRIGGER project_rows_title AFTER UPDATE OF title ON project_rows WHEN old.title IS NOT new.title BEGIN
    UPDATE project_texts SET title = new.title WHERE rid = new.rowid;
  END;
  CREATE TRIGGER project_texts_ai AFTER INSERT ON project_texts BEGIN
    INSERT INTO projects_fts(rowid, title, summary, text) VALUES (new.rid, new.title, new.summary, new.text);
  END;
  CREATE TRIGGER project_texts_ad AFTER DELETE ON project_texts BEGIN
    INSERT INTO projects_fts(projects_fts, rowid, title, summary, text) VALUES ('delete', old.rid, old.title, old.summary, old.text);
  END;
  CREATE TRIGGER project_texts_au AFTER UPDATE OF rid, title, summary, text ON project_texts BEGIN
    INSERT INTO projects_fts(projects_fts, rowid, title, summary, text) VALUES ('delete', old.rid, old.title, old.summary, old.text);
    INSERT INTO projects_fts(rowid, title, summary, text) VALUES (new.rid, new.title, new.summary, new.text);
  END;
  CREATE VIEW projects AS
    SELECT r.rowid AS rowid, r.id, r.source_id, r.position, r.kind, r.title, r.acronym, r.section, r.status, r.status_code, r.status_derived, r.type, r.start, r."end", r.end_open, r.activity_start, r.activity_end, r.active_from, r.active_to, r.budget_amount, r.budget_currency, r.budget_usd, r.coverage, r.year, r.idf_region, r.prima_id, r.project_id, t.summary, t.text, r.beneficiaries, r.raw, r.repairs, r.group_id, r.links
    FROM project_rows r LEFT JOIN project_texts t ON t.rid = r.rowid;
  CREATE TRIGGER projects_insert INSTEAD OF INSERT ON projects BEGIN
    INSERT INTO project_rows (id, source_id, position, kind, title, acronym, section, status, status_code, status_derived, type, start, "end", end_open, activity_start, activity_end, active_from, active_to, budget_amount, budget_currency, budget_usd, coverage, year, idf_region, prima_id, project_id, beneficiaries, raw, repairs, group_id, links) VALUES (new.id, new.source_id, new.position, new.kind, new.title, new.acronym, new.section, new.status, new.status_code, coalesce(new.status_derived, 0), new.type, new.start, new."end", coalesce(new.end_open, 0), new.activity_start, new.activity_end, new.active_from, new.active_to, new.budget_amount, new.budget_currency, new.budget_usd, new.coverage, new.year, new.idf_region, new.prima_id, new.project_id, coalesce(new.beneficiaries, '[]'), coalesce(new.raw, '{}'), coalesce(new.repairs, 0), coalesce(new.group_id, new.id), new.links);
    INSERT INTO project_texts (rid, id, title, summary, text) VALUES ((SELECT rowid FROM project_rows WHERE id = new.id), new.id, new.title, new.summary, new.text);
  END;
  CREATE TRIGGER projects_update INSTEAD OF UPDATE ON projects BEGIN
    UPDATE project_rows SET id = new.id, source_id = new.source_id, position = new.position, kind = new.kind, title = new.title, acronym = new.acronym, section = new.section, status = new.status, status_code = new.status_code, status_derived = new.status_derived, type = new.type, start = new.start, "end" = new."end", end_open = new.end_open, activity_start = new.activity_start, activity_end = new.activity_end, active_from = new.active_from, active_to = new.active_to, budget_amount = new.budget_amount, budget_currency = new.budget_currency, budget_usd = new.budget_usd, coverage = new.coverage, year = new.year, idf_region = new.idf_region, prima_id = new.prima_id, project_id = new.project_id, beneficiaries = new.beneficiaries, raw = new.raw, repairs = new.repairs, group_id = new.group_id, links = new.links WHERE rowid = old.rowid;
    UPDATE project_texts SET summary = new.summary, text = new.text WHERE rid = old.rowid AND (summary IS NOT new.summary OR text IS NOT new.text);
  END;
  CREATE TRIGGER projects_delete INSTEAD OF DELETE ON projects BEGIN
    DELETE FROM project_rows WHERE rowid = old.rowid;
  END;
  CREATE VIRTUAL TABLE projects_fts USING fts5(
    title, summary, text,
    content="project_texts", content_rowid="rid", tokenize='unicode61 remove_diacritics 2'
  );
  INSERT INTO projects_fts(projects_fts) VALUES ('rebuild');
  CREATE VIEW projects_with_donors AS
    SELECT p.id, p.title, p.acronym, p.status, p.start, p."end", p.budget_usd,
           group_concat(d.name, '; ') AS donors, s.path AS source
    FROM project_rows p
    JOIN sources s ON s.id = p.source_id
    LEFT JOIN project_donors d ON d.project_id = p.id
    GROUP BY p.id;
  -- counts per donor name and per country, and the countries' names, read from indexes alone (stats, facets)
  CREATE INDEX project_donors_name ON project_donors(name, project_id);
  DROP INDEX project_countries_code;
  CREATE INDEX project_countries_code ON project_countries(code, name, project_id);
  CREATE INDEX projects_section ON project_rows(section);
  CREATE INDEX projects_start_year ON project_rows(CAST(substr(coalesce(start, active_from), 1, 4) AS INTEGER));
  `,
  /* 7: title keys for linking (store/link.ts titleKeys): a record's candidates are found by key in
     an index, a bounded read whatever the size of the database, instead of in the full-text
     index's posting lists, which grow with it. Computed in JS, for the records already stored.
     A title changed by hand loses its keys (the trigger): such a record is no longer found by
     title when a new record is linked. */
  (db: Db) => {
    db.exec(`
      CREATE TABLE project_title_keys (
        key TEXT NOT NULL,
        rid INTEGER NOT NULL,
        PRIMARY KEY (key, rid)
      ) WITHOUT ROWID;
      CREATE INDEX project_title_keys_rid ON project_title_keys(rid);
      CREATE TRIGGER project_rows_keys_ad AFTER DELETE ON project_rows BEGIN
        DELETE FROM project_title_keys WHERE rid = old.rowid;
      END;
      CREATE TRIGGER project_rows_keys_au AFTER UPDATE OF title ON project_rows WHEN old.title IS NOT new.title BEGIN
        DELETE FROM project_title_keys WHERE rid = new.rowid;
      END;
    `);
    const put = db.prepare('INSERT OR IGNORE INTO project_title_keys (key, rid) VALUES (?, ?)');
    const next = db.prepare('SELECT rowid, title FROM project_rows WHERE rowid > ? ORDER BY rowid LIMIT 10000').raw();
    for (let after = -Infinity; ; ) {
      const rows = next.all(after) as [number, string][];
      if (!rows.length) break;
      for (const [rid, title] of rows) for (const key of titleKeys(title)) put.run(key, rid);
      after = rows[rows.length - 1]![0];
    }
  },
];

export const SCHEMA_VERSION = MIGRATIONS.length;
