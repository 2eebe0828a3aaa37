import { makeStyles, tokens, type GriffelStyle } from '@fluentui/react-components';

/** Fields fill their cell and may shrink with it (a Fluent input is as wide as 20 characters otherwise). */
const fillCell: GriffelStyle = {
  minWidth: '0',
  '& .fui-Input, & .fui-Select, & .fui-Textarea': { width: '100%', minWidth: '0' },
  '& .fui-Input__input': { minWidth: '0' },
};

/** The layout every administration form shares: fields in a column, in a grid, and facts as a list. */
export const useFormStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(180px, 1fr))',
    gap: tokens.spacingHorizontalM,
    alignItems: 'start',
    '& > *': fillCell,
  },
  cells: { '& td': fillCell },
  toolbar: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center', flexWrap: 'wrap' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  start: { alignSelf: 'flex-start', justifySelf: 'start' },
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
  },
  term: { color: tokens.colorNeutralForeground2 },
  detail: { margin: 0 },
  wrap: { overflowX: 'auto' },
});
