import type { Command } from 'commander';
import { globals, intOption, logger } from '../options.js';

export function register(program: Command): void {
  program
    .command('ingest')
    .description('read HTML pages, scraped text and PDFs; repair them; store their projects')
    .argument('<paths...>', 'files or folders (folders are walked for .html, .htm, .pdf, .txt)')
    .option('--max-size <MB>', 'refuse files larger than this many megabytes (default: 50 for a PDF, 10 for HTML and text, to bound memory)', intOption('--max-size', 1, 2048))
    .option('--pdf-timeout <seconds>', 'give up on a PDF after this many seconds', intOption('--pdf-timeout', 1, 86400), 30)
    .option('-j, --jobs <n>', 'threads that parse files at once (default: one per core, at most 4; 1: no threads)', intOption('--jobs', 1, 1024))
    .addHelpText(
      'after',
      `
Examples:
  $ iom ingest fixtures/seeds fixtures/pdf     # folders are walked recursively
  $ iom ingest page.html sheet.pdf notes.txt   # the format comes from the content
  $ iom --db projects.sqlite ingest scraped/
  $ iom ingest --jobs 1 scraped/                # parse on one thread only

Re-ingesting an unchanged file changes nothing; a changed file replaces that file's records only.
Exits 1 if any file failed, after ingesting the others.`,
    )
    .action(async (paths: string[], opts: { maxSize?: number; pdfTimeout: number; jobs?: number }, cmd: Command) => {
      const { runIngest } = await import('../ingest-run.js');
      const mb = 1024 * 1024;
      await runIngest(
        paths,
        { maxBytes: (opts.maxSize ?? 50) * mb, maxTextBytes: opts.maxSize !== undefined ? opts.maxSize * mb : undefined, pdfTimeoutMs: opts.pdfTimeout * 1000, jobs: opts.jobs },
        globals(cmd),
        logger(globals(cmd)),
      );
    });
}
