// The schema, as a list of migrations. PRAGMA user_version is the number of migrations applied.
// Tables are plain and readable in the sqlite3 shell, Datasette and sqlite-utils:
// one row per source, per project, and link tables for donors, countries, places and partners.

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

export const MIGRATIONS: string[] = [
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
];

export const SCHEMA_VERSION = MIGRATIONS.length;
