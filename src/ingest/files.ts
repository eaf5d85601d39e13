// Expanding the paths a user gives into files: folders are walked without following
// symbolic-link loops, to a bounded depth, keeping only the formats iom reads.
import { lstat, readdir, realpath, stat } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import { InputError } from '../errors.js';
import { ioReason } from '../read/index.js';

export const FOLDER_EXTENSIONS = new Set(['.html', '.htm', '.xhtml', '.pdf', '.txt', '.text']);
const MAX_DEPTH = 32;

export interface Collected {
  files: string[];
  errors: InputError[];
  skipped: number;
}

export async function collectFiles(inputs: string[]): Promise<Collected> {
  const out: Collected = { files: [], errors: [], skipped: 0 };
  const seen = new Set<string>();
  for (const input of inputs) {
    const path = resolve(input);
    let st;
    try {
      st = await stat(path);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      const dangling = code === 'ENOENT' && (await lstat(path).then((l) => l.isSymbolicLink(), () => false));
      out.errors.push(new InputError(dangling ? 'symbolic link to a missing file' : code === 'ENOENT' ? 'no such file or folder' : ioReason(err), input));
      continue;
    }
    if (!st.isDirectory()) {
      if (!seen.has(path)) out.files.push(path);
      seen.add(path);
      continue;
    }
    const before = out.files.length;
    await walk(path, input, out, seen);
    if (out.files.length === before) out.errors.push(new InputError('folder has no HTML, PDF or text files', input));
  }
  return out;
}

async function walk(root: string, shown: string, out: Collected, seen: Set<string>): Promise<void> {
  const visited = new Set<string>();
  const stack: Array<{ dir: string; depth: number }> = [{ dir: root, depth: 0 }];
  while (stack.length) {
    const { dir, depth } = stack.pop()!;
    let real: string;
    try {
      real = await realpath(dir);
    } catch {
      continue;
    }
    if (visited.has(real)) continue; // a symbolic-link loop, or the same folder twice
    visited.add(real);
    if (depth > MAX_DEPTH) {
      out.errors.push(new InputError(`folders nested deeper than ${MAX_DEPTH} levels; not walked further`, dir));
      continue;
    }
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (err) {
      out.errors.push(new InputError(`cannot read folder (${(err as NodeJS.ErrnoException).code})`, dir === root ? shown : dir));
      continue;
    }
    entries.sort((a, b) => (a.name < b.name ? 1 : a.name > b.name ? -1 : 0));
    const files: string[] = [];
    for (const e of entries) {
      if (e.name.startsWith('.')) continue;
      const p = join(dir, e.name);
      let isDir = e.isDirectory();
      let isFile = e.isFile();
      if (e.isSymbolicLink()) {
        try {
          const t = await stat(p);
          isDir = t.isDirectory();
          isFile = t.isFile();
        } catch {
          continue; // dangling link
        }
      }
      if (isDir) stack.push({ dir: p, depth: depth + 1 });
      else if (isFile && FOLDER_EXTENSIONS.has(extname(e.name).toLowerCase())) files.push(p);
      else if (isFile) out.skipped++;
    }
    for (const f of files.reverse()) {
      if (!seen.has(f)) out.files.push(f);
      seen.add(f);
    }
  }
}
