import { Button } from '@fluentui/react-components';
import { DeleteRegular, EditRegular } from '@fluentui/react-icons';
import { useStrings } from '../../../i18n/I18nProvider';
import { useFormStyles } from './form-styles';

/** A row's Edit and Delete buttons, named for the row so each is told apart: "Edit site Milano". */
export function RowActions({
  editLabel,
  deleteLabel,
  onEdit,
  onDelete,
}: {
  editLabel: string;
  deleteLabel: string;
  onEdit: () => void;
  onDelete: () => void;
}) {
  const common = useStrings().common;
  return (
    <div className={useFormStyles().actions}>
      <Button size="small" icon={<EditRegular />} aria-label={editLabel} onClick={onEdit}>
        {common.edit}
      </Button>
      <Button
        size="small"
        appearance="subtle"
        icon={<DeleteRegular />}
        aria-label={deleteLabel}
        onClick={onDelete}
      >
        {common.delete}
      </Button>
    </div>
  );
}
