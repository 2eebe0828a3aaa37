import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { FormEvent, ReactNode } from 'react';
import { useStrings } from '../../../i18n/I18nProvider';
import { FormFeedback } from './FormFeedback';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  wide: { maxWidth: '760px' },
});

/**
 * A form in a modal dialog: its fields, the API's error next to them, and Save (disabled while
 * saving) and Cancel. `onSave` runs on Save or Enter.
 */
export function FormDialog({
  title,
  open,
  saving,
  error,
  onSave,
  onClose,
  children,
  saveLabel,
  wide = false,
}: {
  title: string;
  open: boolean;
  saving: boolean;
  error: unknown;
  onSave: () => void;
  onClose: () => void;
  children: ReactNode;
  saveLabel?: string;
  /** For forms with rows of fields (a rate's intervals). */
  wide?: boolean;
}) {
  const strings = useStrings();
  const styles = useStyles();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!saving) onSave();
  };
  return (
    <Dialog open={open} onOpenChange={(_, data) => (data.open ? undefined : onClose())}>
      <DialogSurface className={wide ? styles.wide : undefined}>
        <form onSubmit={submit} noValidate>
          <DialogBody>
            <DialogTitle>{title}</DialogTitle>
            <DialogContent className={styles.content}>
              {children}
              <FormFeedback error={error} />
            </DialogContent>
            <DialogActions>
              <Button type="submit" appearance="primary" disabled={saving}>
                {saving ? strings.admin.saving : (saveLabel ?? strings.common.save)}
              </Button>
              <Button type="button" onClick={onClose}>
                {strings.common.cancel}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
