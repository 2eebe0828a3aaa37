import { Label, Text, makeStyles, tokens, useId } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  boxes: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalM },
  problem: { color: tokens.colorPaletteRedForeground1 },
});

/**
 * Several controls under one label (checkboxes, a week of hours), named as a group for screen
 * readers; a Fluent Field would lend its label to the first control only. The problem, if any,
 * is said under them.
 */
export function FieldGroup({
  label,
  problem,
  children,
}: {
  label: string;
  problem?: string | undefined;
  children: ReactNode;
}) {
  const styles = useStyles();
  const labelId = useId('group-label');
  const problemId = useId('group-problem');
  return (
    <div
      role="group"
      aria-labelledby={labelId}
      aria-describedby={problem ? problemId : undefined}
      className={styles.group}
    >
      <Label id={labelId}>{label}</Label>
      <div className={styles.boxes}>{children}</div>
      {problem ? (
        <Text id={problemId} size={200} className={styles.problem}>
          {problem}
        </Text>
      ) : null}
    </div>
  );
}
