import { Button, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowDownloadRegular, DocumentTableRegular } from '@fluentui/react-icons';
import { useEffect, useRef, useState, type ReactElement } from 'react';
import type { QueryValues } from '../../api/api-client';
import { useApi } from '../../api/ApiProvider';
import { ErrorState } from '../../components/PageState';
import { useStrings } from '../../i18n/I18nProvider';
import { exportCalls } from './call-export';
import type { ExportFormat } from './call-filters';

const useStyles = makeStyles({
  exports: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  status: { color: tokens.colorNeutralForeground2 },
});

type ExportState =
  | { step: 'idle' }
  | { step: 'exporting'; format: ExportFormat }
  | { step: 'done'; fileName: string }
  | { step: 'failed'; error: unknown };

/**
 * Export to CSV and Excel of exactly the calls the list selects (`queryOf` builds the query the
 * list's filters give), with progress while the file streams and the error if it fails.
 */
export function ExportButtons({
  queryOf,
  period,
}: {
  queryOf(format: ExportFormat): QueryValues;
  period: { from: string; to: string };
}) {
  const strings = useStrings().calls;
  const styles = useStyles();
  const api = useApi();
  const [state, setState] = useState<ExportState>({ step: 'idle' });
  const running = useRef<AbortController | null>(null);
  useEffect(() => () => running.current?.abort(), []);

  async function start(format: ExportFormat) {
    running.current?.abort();
    const controller = new AbortController();
    running.current = controller;
    setState({ step: 'exporting', format });
    try {
      const fileName = await exportCalls(api, { query: queryOf(format), format, period }, controller.signal);
      if (!controller.signal.aborted) setState({ step: 'done', fileName });
    } catch (error) {
      if (!controller.signal.aborted) setState({ step: 'failed', error });
    }
  }

  const exporting = state.step === 'exporting';
  const icon = (format: ExportFormat, idle: ReactElement) =>
    exporting && state.format === format ? <Spinner size="tiny" /> : idle;
  return (
    <div className={styles.exports}>
      <Button
        icon={icon('csv', <ArrowDownloadRegular />)}
        disabled={exporting}
        onClick={() => void start('csv')}
      >
        {strings.exportCsv}
      </Button>
      <Button
        icon={icon('xlsx', <DocumentTableRegular />)}
        disabled={exporting}
        onClick={() => void start('xlsx')}
      >
        {strings.exportExcel}
      </Button>
      <Text className={styles.status} role="status" aria-live="polite">
        {exporting ? strings.exporting : state.step === 'done' ? strings.exported(state.fileName) : ''}
      </Text>
      {state.step === 'failed' ? <ErrorState title={strings.exportFailed} error={state.error} /> : null}
    </div>
  );
}
