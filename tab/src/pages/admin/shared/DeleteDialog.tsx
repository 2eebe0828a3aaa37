import { Text } from '@fluentui/react-components';
import { ConfirmDialog } from './ConfirmDialog';
import { useAdminMutation } from './use-admin-mutation';

/**
 * Asks before deleting what `path` names, then deletes it; the API's refusal (a 409 naming what
 * still uses it) stays in the dialog.
 */
export function DeleteDialog({
  title,
  body,
  path,
  invalidates,
  confirmLabel,
  onClose,
  onDeleted,
}: {
  title: string;
  body: string;
  path: string;
  invalidates: readonly string[];
  confirmLabel?: string;
  onClose: () => void;
  onDeleted: () => void;
}) {
  const remove = useAdminMutation((api, _: void) => api.send('DELETE', path), invalidates);
  return (
    <ConfirmDialog
      open
      title={title}
      busy={remove.isPending}
      error={remove.error}
      onClose={onClose}
      onConfirm={() => remove.mutate(undefined, { onSuccess: onDeleted })}
      {...(confirmLabel ? { confirmLabel } : {})}
    >
      <Text>{body}</Text>
    </ConfirmDialog>
  );
}
