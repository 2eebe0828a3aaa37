import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
} from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { useStrings } from '../../../i18n/I18nProvider';
import { FormFeedback } from './FormFeedback';

/**
 * Asks before something is deleted: what will go, Delete (disabled while it runs) and Cancel;
 * the API's refusal (a 409 naming what still uses it) shows in the dialog.
 */
export function ConfirmDialog({
  title,
  open,
  busy,
  error,
  onConfirm,
  onClose,
  children,
  confirmLabel,
}: {
  title: string;
  open: boolean;
  busy: boolean;
  error: unknown;
  onConfirm: () => void;
  onClose: () => void;
  children: ReactNode;
  confirmLabel?: string;
}) {
  const strings = useStrings();
  return (
    <Dialog open={open} modalType="alert" onOpenChange={(_, data) => (data.open ? undefined : onClose())}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{title}</DialogTitle>
          <DialogContent>
            {children}
            <FormFeedback error={error} />
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" disabled={busy} onClick={onConfirm}>
              {confirmLabel ?? strings.common.delete}
            </Button>
            <Button onClick={onClose}>{strings.common.cancel}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
