import { InvalidArgumentError, Option, type Command } from 'commander';
import { globals, intOption, logger } from '../options.js';

interface IngestFlags {
  maxSize?: number;
  pdfTimeout: number;
  jobs?: number;
  urls?: string;
  delay: number;
  timeout: number;
  retries: number;
  maxRedirects: number;
  refresh?: boolean;
  follow?: RegExp;
  maxPages: number;
  ocr: 'auto' | 'always' | 'never';
}

/** Seconds, whole or decimal (0.5), as milliseconds. */
function secondsOption(name: string, min = 0) {
  return (value: string): number => {
    if (!/^\d+(\.\d+)?$/.test(value) || Number(value) < min) {
      throw new InvalidArgumentError(`${name} expects a number of seconds${min ? ` of at least ${min}` : ''}, not '${value}'`);
    }
    return Math.round(Number(value) * 1000);
  };
}

function patternOption(value: string): RegExp {
  try {
    return new RegExp(value);
  } catch (err) {
    throw new InvalidArgumentError(`--follow expects a regular expression: ${(err as Error).message}`);
  }
}

export function register(program: Command): void {
  program
    .command('ingest')
    .description('read HTML pages, scraped text and PDFs, saved or by URL; repair them; store their projects')
    .argument('[paths...]', 'files, folders (walked for .html, .htm, .pdf, .txt) or http(s) URLs')
    .option('--max-size <MB>', 'refuse files larger than this many megabytes (default: 50 for a PDF, 10 for HTML and text, to bound memory)', intOption('--max-size', 1, 2048))
    .option('--pdf-timeout <seconds>', 'give up on a PDF after this many seconds', intOption('--pdf-timeout', 1, 86400), 30)
    .option('-j, --jobs <n>', 'threads that parse files at once (default: one per core, at most 4; 1: no threads)', intOption('--jobs', 1, 1024))
    .option('--urls <file>', 'also fetch the URLs listed in this file (one a line, # comments)')
    .addOption(new Option('--delay <seconds>', 'wait between two requests to the same host (robots.txt Crawl-delay can raise it)').argParser(secondsOption('--delay')).default(1000, '1'))
    .addOption(new Option('--timeout <seconds>', 'give up on a request after this many seconds').argParser(secondsOption('--timeout', 0.1)).default(30000, '30'))
    .option('--retries <n>', 'tries again after HTTP 429 or 5xx, waiting Retry-After or longer each time', intOption('--retries'), 3)
    .option('--max-redirects <n>', 'redirects followed for one page', intOption('--max-redirects'), 10)
    .option('--refresh', 'ask the server again for pages in the cache (conditional requests: unchanged pages are not downloaded)')
    .option('--follow <pattern>', 'also fetch the links of the pages given whose URL matches this regular expression', patternOption)
    .option('--max-pages <n>', 'with --follow: at most this many linked pages', intOption('--max-pages', 1), 50)
    .addOption(
      new Option('--ocr <when>', 'read scanned PDF pages by OCR (French and English): auto = pages without a text layer, always = every page, never = refuse a scanned PDF')
        .choices(['auto', 'always', 'never'])
        .default('auto'),
    )
    .addHelpText(
      'after',
      `
Examples:
  $ iom ingest fixtures/seeds fixtures/pdf     # folders are walked recursively
  $ iom ingest page.html sheet.pdf notes.txt   # the format comes from the content
  $ iom --db projects.sqlite ingest scraped/
  $ iom ingest --jobs 1 scraped/                # parse on one thread only
  $ iom ingest https://morocco.iom.int/fr/projects/lm0416 saved/page.html
  $ iom ingest --urls pages.txt                  # one URL a line, # comments
  $ iom ingest --follow '/projects/' --max-pages 20 https://example.org/projects
  $ iom ingest --refresh --urls pages.txt        # revalidate cached pages
  $ iom ingest --ocr never scans/               # refuse scanned PDFs instead of reading them by OCR

Pages are fetched politely (robots.txt obeyed, one request at a time per host, --delay apart,
User-Agent iom/<version>) and kept in a cache beside the database (<db>-cache/): ingesting a
URL again reads the cache, without the network, unless --refresh. The URL is the source's address.

Re-ingesting an unchanged file changes nothing; a changed file replaces that file's records only.
Exits 1 if any file failed, after ingesting the others.`,
    )
    .action(async (args: string[], opts: IngestFlags, cmd: Command) => {
      const { runIngest } = await import('../ingest-run.js');
      const { UsageError } = await import('../../errors.js');
      const urls = args.filter((a) => /^https?:\/\//i.test(a));
      const paths = args.filter((a) => !/^https?:\/\//i.test(a));
      let urlErrors: import('../../errors.js').IomError[] = [];
      if (opts.urls) {
        const { readUrlList } = await import('../../fetch/run.js');
        const list = await readUrlList(opts.urls);
        urls.push(...list.urls);
        urlErrors = list.errors;
        if (!args.length && !list.urls.length && !list.errors.length) throw new UsageError(`--urls ${opts.urls} lists no URL`);
      } else if (!args.length) {
        throw new UsageError('nothing to ingest: name files, folders or URLs, or --urls FILE');
      }
      await runIngest(
        paths,
        {
          // --max-size caps every format; without it, PDFs 50 MB and HTML/text 10 MB (memory).
          maxBytes: (opts.maxSize ?? 50) * 1024 * 1024,
          maxTextBytes: opts.maxSize !== undefined ? opts.maxSize * 1024 * 1024 : undefined,
          pdfTimeoutMs: opts.pdfTimeout * 1000,
          jobs: opts.jobs,
          ocr: opts.ocr,
          urls,
          urlErrors,
          web: {
            delayMs: opts.delay,
            timeoutMs: opts.timeout,
            retries: opts.retries,
            maxRedirects: opts.maxRedirects,
            refresh: !!opts.refresh,
            follow: opts.follow,
            maxPages: opts.maxPages,
          },
        },
        globals(cmd),
        logger(globals(cmd)),
      );
    });
}
