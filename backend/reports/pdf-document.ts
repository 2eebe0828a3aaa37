import PDFDocument from 'pdfkit';
import { buffer } from 'node:stream/consumers';
import { totalsText } from './html-document.js';
import { reportCharts, type ChartLayout } from './report-chart.js';
import type { ReportContent } from './report-content.js';
import { documentLines, type DocumentOptions, type ReportDocument } from './report-document.js';
import { cellText, reportTable } from './report-table.js';

const MARGIN = 40;
const TEXT_COLOR = '#242424';
const SUBTLE_COLOR = '#616161';

/**
 * A report as a PDF drawn with pdfkit: the logo, the title, the period and scope in words, the
 * totals, the charts as vector drawing (the same shapes as the HTML's SVG), then the table over
 * as many pages as it needs, its header repeated on each.
 */
export const pdfDocument: ReportDocument = {
  format: 'pdf',
  contentType: 'application/pdf',
  extension: 'pdf',
  render: (content, options) => renderPdf(content, options ?? {}),
};

async function renderPdf(content: ReportContent, options: DocumentOptions): Promise<Buffer> {
  const table = reportTable(content);
  // The call list's many columns need the page's width.
  const layout = table.columns.length > 8 ? 'landscape' : 'portrait';
  const doc = new PDFDocument({
    size: 'A4',
    layout,
    margin: MARGIN,
    compress: options.compress ?? true,
    info: { Title: content.title, Subject: documentLines(content).period, Creator: 'Ledgerline' },
  });
  const done = buffer(doc);
  const width = doc.page.width - 2 * MARGIN;

  if (options.logo)
    doc.image(options.logo.data, doc.page.width - MARGIN - 120, MARGIN, { fit: [120, 40], align: 'right' });
  const lines = documentLines(content);
  doc
    .fillColor(TEXT_COLOR)
    .font('Helvetica-Bold')
    .fontSize(18)
    .text(content.title, MARGIN, MARGIN, { width: width - 130 });
  doc.font('Helvetica').fontSize(10).fillColor(SUBTLE_COLOR).text(lines.period).text(lines.scope);
  doc.moveDown(0.5).fillColor(TEXT_COLOR).font('Helvetica-Bold').text(totalsText(content.totals));
  if (content.previous)
    doc
      .font('Helvetica')
      .fillColor(SUBTLE_COLOR)
      .text(
        `Period before (${content.previous.from} to ${content.previous.to}): ${totalsText(content.previous.totals)}`,
      );
  doc.moveDown();

  for (const chart of reportCharts(content, Math.min(width, 515))) drawChart(doc, chart);

  const widths = columnWidths(table.columns, width);
  const fontSize = table.columns.length > 8 ? 6.5 : 9;
  const rowHeight = fontSize + 6;
  const header = () => {
    doc.font('Helvetica-Bold').fontSize(fontSize).fillColor(TEXT_COLOR);
    drawRow(
      doc,
      table.columns.map((column) => column.header),
      widths,
      rowHeight,
    );
    doc.font('Helvetica');
  };
  ensureRoom(doc, rowHeight * 3);
  header();
  for (const cells of table.rows) {
    if (ensureRoom(doc, rowHeight)) header();
    drawRow(doc, cells.map(cellText), widths, rowHeight);
  }
  doc.font('Helvetica-Bold');
  for (const cells of table.totals) {
    if (ensureRoom(doc, rowHeight)) header();
    drawRow(doc, cells.map(cellText), widths, rowHeight);
  }
  if (content.calls?.truncated)
    doc
      .font('Helvetica')
      .fillColor(SUBTLE_COLOR)
      .text(
        `Only the first ${content.calls.rows.length} calls are listed; the totals count them all.`,
        MARGIN,
      );
  doc.end();
  return done;
}

function drawChart(doc: PDFKit.PDFDocument, chart: ChartLayout): void {
  ensureRoom(doc, chart.height + 24);
  const top = doc.y;
  doc.font('Helvetica-Bold').fontSize(10).fillColor(TEXT_COLOR).text(chart.title, MARGIN, top);
  const origin = { x: MARGIN, y: doc.y + 4 };
  for (const shape of chart.shapes) {
    if (shape.kind === 'rect') {
      if (shape.width > 0 && shape.height > 0)
        doc.rect(origin.x + shape.x, origin.y + shape.y, shape.width, shape.height).fill(shape.color);
    } else if (shape.kind === 'line') {
      doc
        .moveTo(origin.x + shape.x1, origin.y + shape.y1)
        .lineTo(origin.x + shape.x2, origin.y + shape.y2)
        .lineWidth(0.7)
        .stroke(shape.color);
    } else {
      // pdfkit places text by its top; the shapes give the baseline, as SVG does.
      doc.font('Helvetica').fontSize(shape.size).fillColor(TEXT_COLOR);
      const textWidth = doc.widthOfString(shape.text);
      const x =
        shape.anchor === 'start'
          ? shape.x
          : shape.anchor === 'end'
            ? shape.x - textWidth
            : shape.x - textWidth / 2;
      doc.text(shape.text, origin.x + x, origin.y + shape.y - shape.size * 0.8, { lineBreak: false });
    }
  }
  doc.x = MARGIN;
  doc.y = origin.y + chart.height + 10;
}

/** Column widths in proportion to the table's widths, filling the page. */
function columnWidths(columns: readonly { width?: number }[], total: number): number[] {
  const weights = columns.map((column) => column.width ?? 14);
  const sum = weights.reduce((a, b) => a + b, 0);
  return weights.map((weight) => (total * weight) / sum);
}

function drawRow(
  doc: PDFKit.PDFDocument,
  cells: readonly string[],
  widths: readonly number[],
  height: number,
): void {
  const y = doc.y;
  let x = MARGIN;
  cells.forEach((text, index) => {
    const width = widths[index] ?? 40;
    doc.text(text, x + 2, y + 2, { width: width - 4, height: height - 2, lineBreak: false, ellipsis: true });
    x += width;
  });
  doc
    .moveTo(MARGIN, y + height)
    .lineTo(x, y + height)
    .lineWidth(0.3)
    .stroke('#e0e0e0');
  doc.x = MARGIN;
  doc.y = y + height;
}

/** Starts a new page when fewer than `height` points are left; true when it did. */
function ensureRoom(doc: PDFKit.PDFDocument, height: number): boolean {
  if (doc.y + height <= doc.page.height - MARGIN) return false;
  doc.addPage();
  doc.y = MARGIN;
  return true;
}
