import { afterEach, describe, expect, it, vi } from 'vitest';
import { createApiClient } from '../../api/api-client';
import { exportCalls, exportFileName, saveFile } from './call-export';

const period = { from: '2026-11-01', to: '2026-11-30' };

afterEach(() => vi.restoreAllMocks());

function stubObjectUrls() {
  const created = vi.fn((_: Blob | MediaSource) => 'blob:ledgerline/1');
  const revoked = vi.fn();
  vi.spyOn(URL, 'createObjectURL').mockImplementation(created);
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(revoked);
  return { created, revoked };
}

describe('export file names', () => {
  it("keeps the server's name", () => {
    expect(exportFileName('calls_2026-11-01_2026-11-30.xlsx', 'xlsx', period)).toBe(
      'calls_2026-11-01_2026-11-30.xlsx',
    );
  });

  it('makes one from the period when the server gave none or one of another kind', () => {
    expect(exportFileName(null, 'csv', period)).toBe('calls_2026-11-01_2026-11-30.csv');
    expect(exportFileName('calls.txt', 'xlsx', period)).toBe('calls_2026-11-01_2026-11-30.xlsx');
  });

  it('never names a folder', () => {
    expect(exportFileName('../x/calls.csv', 'csv', period)).toBe('.._x_calls.csv');
  });
});

describe('saving a file', () => {
  it('clicks a temporary download link to an object URL and frees it', async () => {
    vi.useFakeTimers();
    const { created, revoked } = stubObjectUrls();
    const clicked: HTMLAnchorElement[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this);
    });
    const blob = new Blob(['a,b\n']);
    saveFile(blob, 'calls.csv');
    expect(created).toHaveBeenCalledWith(blob);
    expect(clicked).toHaveLength(1);
    expect(clicked[0]?.download).toBe('calls.csv');
    expect(clicked[0]?.href).toBe('blob:ledgerline/1');
    expect(document.querySelector('a[download]')).toBeNull();
    await vi.runAllTimersAsync();
    expect(revoked).toHaveBeenCalledWith('blob:ledgerline/1');
    vi.useRealTimers();
  });

  it('downloads the export with the query and saves it under the name the server gave', async () => {
    stubObjectUrls();
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    const asked: string[] = [];
    const api = createApiClient(null, {
      fetch: (async (input: RequestInfo | URL) => {
        asked.push(String(input));
        return new Response('id\n1\n', {
          headers: { 'Content-Disposition': 'attachment; filename="calls_2026-11-01_2026-11-30.csv"' },
        });
      }) as typeof fetch,
    });
    const name = await exportCalls(api, {
      query: { ...period, format: 'csv', q: 'rossi' },
      format: 'csv',
      period,
    });
    expect(name).toBe('calls_2026-11-01_2026-11-30.csv');
    expect(asked).toEqual(['/api/v1/calls/export?from=2026-11-01&to=2026-11-30&format=csv&q=rossi']);
    expect(click).toHaveBeenCalledOnce();
  });
});
