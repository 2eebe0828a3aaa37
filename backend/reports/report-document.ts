import { csvDocument } from './csv-document.js';
import { htmlDocument } from './html-document.js';
import { pdfDocument } from './pdf-document.js';
import type { CompanyLogo } from './company-logo.js';
import type { ReportContent } from './report-content.js';
import { xlsxDocument } from './xlsx-document.js';

/** The formats a report document is written in. */
export const DOCUMENT_FORMATS = ['pdf', 'html', 'xlsx', 'csv'] as const;
/** One of DOCUMENT_FORMATS. */
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number];

/** How documents look beyond their content. */
export interface DocumentOptions {
  /** The company's logo, shown at the top of PDF and HTML documents. */
  logo?: CompanyLogo | null;
  /** PDF only: false writes the page content uncompressed (readable text, for tests and audits). */
  compress?: boolean;
}

/** A report document format: one implementation per file, chosen by `reportDocument`. */
export interface ReportDocument {
  format: DocumentFormat;
  contentType: string;
  extension: string;
  render(content: ReportContent, options?: DocumentOptions): Promise<Buffer>;
}

/** The document writer of a format. */
export function reportDocument(format: DocumentFormat): ReportDocument {
  switch (format) {
    case 'pdf':
      return pdfDocument;
    case 'html':
      return htmlDocument;
    case 'xlsx':
      return xlsxDocument;
    case 'csv':
      return csvDocument;
  }
}

/** The period and the scope in words, as the top of a document says them. */
export function documentLines(content: ReportContent): { period: string; scope: string } {
  const days =
    content.period.from === content.period.to
      ? content.period.from
      : `${content.period.from} to ${content.period.to}`;
  const period =
    content.period.label && content.period.label !== days ? `${content.period.label} (${days})` : days;
  return { period: `Period: ${period}`, scope: `Covers: ${content.scopeLabel}` };
}

/** A file name for the document: the report and its period, e.g. `departments_2026-11-01_2026-11-30.pdf`. */
export function documentFileName(content: ReportContent, extension: string): string {
  return `${content.report}_${content.period.from}_${content.period.to}.${extension}`;
}
