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
}: {
  title: string;
  open: boolean;
  saving: boolean;
  error: unknown;
  onSave: () => void;
  onClose: () => void;
  children: ReactNode;
  saveLabel?: string;
}) {
  const strings = useStrings();
  const styles = useStyles();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!saving) onSave();
  };
  return (
    <Dialog open={open} onOpenChange={(_, data) => (data.open ? undefined : onClose())}>
      <DialogSurface>
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
