import { lstatSync, readFileSync, realpathSync, renameSync, rmSync, writeFileSync, type Stats } from 'node:fs';
import { extname } from 'node:path';
import { IomError, UsageError } from '../errors.js';
import { openDb, resolveDbPath } from '../store/db.js';
import { listProjects } from '../query/list.js';
import { loadExportProjects } from '../export/load.js';
import { renderIati } from '../export/iati.js';
import { csvColumns, renderCsv, renderJson, renderNdjson, type Row } from '../output/render.js';
import { ALL_FIELDS, type QueryFlags } from './query-run.js';
import { EXPORT_FORMATS, type ExportFormat } from './choices.js';
import type { Globals, logger as makeLogger } from './options.js';

/** The flags of `iom export`. */
export interface ExportFlags extends Omit<QueryFlags, 'format'> {
  format?: string;
  output?: string;
}

const BY_EXTENSION: Record<string, ExportFormat> = { '.xml': 'iati', '.csv': 'csv', '.json': 'json', '.ndjson': 'ndjson', '.jsonl': 'ndjson' };

export function exportFormat(flag: string | undefined, output: string | undefined): ExportFormat {
  if (flag !== undefined) {
    if ((EXPORT_FORMATS as readonly string[]).includes(flag)) return flag as ExportFormat;
    throw new UsageError(`cannot export as '${flag}'; use --format ${EXPORT_FORMATS.join('|')}`);
  }
  return (output && BY_EXTENSION[extname(output).toLowerCase()]) || 'json';
}

export function runExport(flags: ExportFlags, g: Globals, log: ReturnType<typeof makeLogger>): void {
  const format = exportFormat(flags.format, flags.output);
  const db = openDb(resolveDbPath(g.db), { readonly: true });
  let text: string;
  let count: number;
  try {
    if (format === 'iati') {
      const projects = loadExportProjects(db, flags);
      if (projects.length === 0) throw new IomError('no project matches these filters, and an IATI file needs at least one activity');
      const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
      const result = renderIati(projects, { now: new Date(), version });
      for (const s of result.skipped) log.warn(`${s.id} left out of the IATI file: ${s.reason}`);
      if (result.activities === 0) throw new IomError('no matching project can be written as an IATI activity (see the warnings above)');
      text = result.xml;
      count = result.activities;
    } else {
      const rows = listProjects(db, flags);
      count = rows.length;
      if (count === 0) log.info('no project matches these filters');
      text = format === 'json' ? renderJson(rows) : format === 'ndjson' ? renderNdjson(rows) : renderCsv(rows as unknown as Row[], csvColumns(ALL_FIELDS as string[]));
    }
  } finally {
    db.close();
  }
  if (!flags.output || flags.output === '-') {
    process.stdout.write(text);
    return;
  }
  writeOutput(flags.output, text);
  const noun = format === 'iati' ? (count === 1 ? 'IATI activity' : 'IATI activities') : count === 1 ? 'project' : 'projects';
  log.info(`wrote ${count} ${noun} to ${flags.output}`);
}

function kindOf(st: Stats): string {
  if (st.isDirectory()) return 'a folder';
  if (st.isBlockDevice()) return 'a block device';
  if (st.isSocket()) return 'a socket';
  return 'not a regular file';
}

/**
 * -o PATH: a regular file (or a new one) is replaced in one step; a symbolic link is followed and
 * its target written the same way (the link stays); a named pipe or a character device
 * (/dev/stdout, /dev/null) is written to, as the shell's > would; a folder, a block device, a
 * socket or a link to nothing is refused. Nothing but a regular file is ever replaced.
 */
function writeOutput(path: string, text: string): void {
  let st: Stats;
  try {
    st = lstatSync(path);
  } catch {
    return writeAtomically(path, text); // a new file
  }
  if (st.isSymbolicLink()) {
    let target: string;
    try {
      target = realpathSync(path);
    } catch {
      throw new IomError(`cannot write ${path}: it is a symbolic link to a file that does not exist`);
    }
    return writeOutput(target, text);
  }
  if (st.isFile()) return writeAtomically(path, text);
  if (st.isFIFO() || st.isCharacterDevice()) {
    try {
      writeFileSync(path, text);
    } catch (err) {
      throw new IomError(`cannot write ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    }
    return;
  }
  throw new IomError(`cannot write ${path}: it is ${kindOf(st)}; -o writes a file, a named pipe or a device`);
}

/** Writes beside the target then renames, so a reader never sees half a file. */
function writeAtomically(path: string, text: string): void {
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, text);
    renameSync(tmp, path);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw new IomError(`cannot write ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
}
