import type { ApiClient, DownloadedFile, QueryValues } from '../../api/api-client';
import type { ExportFormat } from './call-filters';

const EXTENSIONS: Record<ExportFormat, string> = { csv: 'csv', xlsx: 'xlsx' };

/**
 * The name an export is saved under: the server's (`calls_<from>_<to>.csv`), or one made the
 * same way when the server gave none, always with the format's extension.
 */
export function exportFileName(
  given: string | null,
  format: ExportFormat,
  period: { from: string; to: string },
): string {
  const extension = EXTENSIONS[format];
  const safe = (given ?? '').replace(/[\\/:*?"<>|]/g, '_').trim();
  if (safe && safe.toLowerCase().endsWith(`.${extension}`)) return safe;
  return `calls_${period.from}_${period.to}.${extension}`;
}

/** Saves a file in the browser: an object URL clicked through a temporary `<a download>`. */
export function saveFile(blob: Blob, fileName: string, doc: Document = document): void {
  const url = URL.createObjectURL(blob);
  const link = doc.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  doc.body.appendChild(link);
  try {
    link.click();
  } finally {
    link.remove();
    // The download has started from the click; the URL is freed once it has been read.
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }
}

/** Downloads the calls an export query selects and saves the file; resolves with its name. */
export async function exportCalls(
  api: ApiClient,
  request: { query: QueryValues; format: ExportFormat; period: { from: string; to: string } },
  signal?: AbortSignal,
): Promise<string> {
  const file: DownloadedFile = await api.download('/api/v1/calls/export', request.query, signal);
  // The client names a file the server did not name 'ledgerline-export'.
  const given = file.fileName === 'ledgerline-export' ? null : file.fileName;
  const fileName = exportFileName(given, request.format, request.period);
  saveFile(file.blob, fileName);
  return fileName;
}
