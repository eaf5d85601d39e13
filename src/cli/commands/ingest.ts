import { Option, type Command } from 'commander';
import { globals, intOption, logger } from '../options.js';

export function register(program: Command): void {
  program
    .command('ingest')
    .description('read HTML pages, scraped text and PDFs; repair them; store their projects')
    .argument('<paths...>', 'files or folders (folders are walked for .html, .htm, .pdf, .txt)')
    .option('--max-size <MB>', 'refuse files larger than this many megabytes', intOption('--max-size', 1), 50)
    .option('--pdf-timeout <seconds>', 'give up on a PDF after this many seconds', intOption('--pdf-timeout', 1), 30)
    .addOption(
      new Option('--ocr <when>', 'read scanned PDF pages by OCR (French and English): auto = pages without a text layer, always = every page, never = refuse a scanned PDF')
        .choices(['auto', 'always', 'never'])
        .default('auto'),
    )
    .option('-j, --jobs <n>', 'threads that parse files at once (default: one per core, at most 4; 1: no threads)', intOption('--jobs', 1))
    .addHelpText(
      'after',
      `
Examples:
  $ iom ingest fixtures/seeds fixtures/pdf     # folders are walked recursively
  $ iom ingest page.html sheet.pdf notes.txt   # the format comes from the content
  $ iom --db projects.sqlite ingest scraped/
  $ iom ingest --jobs 1 scraped/                # parse on one thread only
  $ iom ingest --ocr never scans/               # refuse scanned PDFs instead of reading them by OCR

Re-ingesting an unchanged file changes nothing; a changed file replaces that file's records only.
Exits 1 if any file failed, after ingesting the others.`,
    )
    .action(async (paths: string[], opts: { maxSize: number; pdfTimeout: number; jobs?: number; ocr: 'auto' | 'always' | 'never' }, cmd: Command) => {
      const { runIngest } = await import('../ingest-run.js');
      await runIngest(
        paths,
        { maxBytes: opts.maxSize * 1024 * 1024, pdfTimeoutMs: opts.pdfTimeout * 1000, jobs: opts.jobs, ocr: opts.ocr },
        globals(cmd),
        logger(globals(cmd)),
      );
    });
}
