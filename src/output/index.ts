// render(rows, format, columns): the one switch over formats for simple row lists.
import { useColor } from './color.js';
import { droppedNote, renderCsv, renderJson, renderNdjson, renderTable, type Format, type Row } from './render.js';

export function render(rows: object[], format: Format, columns: string[], opts: { wide?: boolean } = {}): string {
  switch (format) {
    case 'json':
      return renderJson(rows);
    case 'ndjson':
      return renderNdjson(rows);
    case 'csv':
      return renderCsv(rows as Row[], Object.keys(rows[0] ?? Object.fromEntries(columns.map((c) => [c, null]))));
    case 'table':
      return renderTable(rows as Row[], {
        columns,
        color: useColor(process.stdout, 'table'),
        width: opts.wide || !process.stdout.isTTY ? undefined : process.stdout.columns || 100,
        onDropped: (cols) => process.stderr.write(`${droppedNote(cols, '--format csv or json shows every column')}\n`),
      });
  }
}
