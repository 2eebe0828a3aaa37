import { reportCharts, type ChartLayout, type ChartShape } from './report-chart.js';
import type { ReportContent } from './report-content.js';
import { documentLines, type DocumentOptions, type ReportDocument } from './report-document.js';
import { amountText, cellText, reportTable } from './report-table.js';
import type { ReportTotals } from './report-totals.js';

/**
 * A report as one self-contained HTML page (also an e-mail's body): the logo inlined, the period
 * and scope in words, the totals, charts drawn on the server as inline SVG, and the table.
 */
export const htmlDocument: ReportDocument = {
  format: 'html',
  contentType: 'text/html; charset=utf-8',
  extension: 'html',
  render: async (content, options) => Buffer.from(reportHtml(content, options), 'utf8'),
};

/** The page's HTML. */
export function reportHtml(content: ReportContent, options: DocumentOptions = {}): string {
  const lines = documentLines(content);
  const table = reportTable(content);
  const logo = options.logo
    ? `<img class="logo" alt="" src="data:image/${options.logo.type};base64,${options.logo.data.toString('base64')}">`
    : '';
  const head = table.columns.map((column) => `<th>${escapeHtml(column.header)}</th>`).join('');
  const row = (cells: readonly unknown[], className = '') =>
    `<tr${className ? ` class="${className}"` : ''}>${cells
      .map((cell) => `<td>${escapeHtml(cellText(cell as never))}</td>`)
      .join('')}</tr>`;
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(content.title)}</title>
<style>
body{font-family:'Segoe UI',Arial,sans-serif;color:#242424;margin:24px}
.logo{max-height:48px;float:right}
h1{font-size:20px;margin:0 0 4px}
p.meta{margin:2px 0;color:#616161}
table{border-collapse:collapse;margin-top:12px;font-size:12px}
th,td{border-bottom:1px solid #e0e0e0;padding:4px 8px;text-align:left}
tr.total td{font-weight:bold;border-top:2px solid #616161}
figure{margin:16px 0}figcaption{font-weight:600;font-size:13px}
</style></head><body>
${logo}<h1>${escapeHtml(content.title)}</h1>
<p class="meta">${escapeHtml(lines.period)}</p>
<p class="meta">${escapeHtml(lines.scope)}</p>
${totalsHtml(content)}
${reportCharts(content).map(chartSvg).join('\n')}
<table><thead><tr>${head}</tr></thead><tbody>
${table.rows.map((cells) => row(cells)).join('\n')}
${table.totals.map((cells) => row(cells, 'total')).join('\n')}
</tbody></table>
${content.calls?.truncated ? `<p class="meta">Only the first ${content.calls.rows.length} calls are listed; the totals count them all.</p>` : ''}
</body></html>
`;
}

/** The totals in a sentence per figure, with the period before when the report has it. */
export function totalsText(totals: ReportTotals): string {
  const cost =
    totals.cost.map((entry) => `${amountText(entry.micro)} ${entry.currency}`).join(' + ') || 'no cost';
  return `${cellText(totals.calls)} calls (${cellText(totals.answered)} answered), ${cellText(totals.minutes)} minutes, ${cost}`;
}

function totalsHtml(content: ReportContent): string {
  const previous = content.previous
    ? `<p class="meta">Period before (${content.previous.from} to ${content.previous.to}): ${escapeHtml(totalsText(content.previous.totals))}</p>`
    : '';
  return `<p><strong>${escapeHtml(totalsText(content.totals))}</strong></p>${previous}`;
}

/** A chart as inline SVG. */
export function chartSvg(chart: ChartLayout): string {
  const shapes = chart.shapes.map(shapeSvg).join('');
  return `<figure><figcaption>${escapeHtml(chart.title)}</figcaption><svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${escapeHtml(chart.title)}" width="${chart.width}" height="${chart.height}" viewBox="0 0 ${chart.width} ${chart.height}" font-family="Segoe UI, Arial, sans-serif">${shapes}</svg></figure>`;
}

function shapeSvg(shape: ChartShape): string {
  const n = (value: number) => Math.round(value * 10) / 10;
  switch (shape.kind) {
    case 'rect':
      return `<rect x="${n(shape.x)}" y="${n(shape.y)}" width="${n(shape.width)}" height="${n(shape.height)}" fill="${shape.color}"/>`;
    case 'line':
      return `<line x1="${n(shape.x1)}" y1="${n(shape.y1)}" x2="${n(shape.x2)}" y2="${n(shape.y2)}" stroke="${shape.color}"/>`;
    case 'text':
      return `<text x="${n(shape.x)}" y="${n(shape.y)}" font-size="${shape.size}" text-anchor="${shape.anchor}">${escapeHtml(shape.text)}</text>`;
  }
}

/** Text safe inside HTML elements and attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
