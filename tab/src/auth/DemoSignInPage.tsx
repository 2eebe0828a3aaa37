import {
  Body1,
  Button,
  Card,
  CardHeader,
  Subtitle2,
  Text,
  Title2,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { Persona } from '../api/api-types';
import { ErrorState } from '../components/PageState';
import { useStrings } from '../i18n/I18nProvider';

const useStyles = makeStyles({
  page: {
    maxWidth: '880px',
    margin: '0 auto',
    padding: tokens.spacingVerticalXXL,
    display: 'grid',
    gap: tokens.spacingVerticalL,
  },
  personas: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(240px, 1fr))',
    gap: tokens.spacingHorizontalL,
  },
  card: { display: 'grid', gap: tokens.spacingVerticalS },
});

/** Demo mode in a plain browser: pick who to be (employee, supervisor, admin of the demo company). */
export function DemoSignInPage({
  personas,
  onPick,
}: {
  personas: Persona[];
  onPick: (persona: Persona) => Promise<void>;
}) {
  const strings = useStrings();
  const styles = useStyles();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const pick = async (persona: Persona) => {
    setBusy(persona.role);
    setError(null);
    try {
      await onPick(persona);
    } catch (failure) {
      setError(failure);
      setBusy(null);
    }
  };
  return (
    <main className={styles.page}>
      <Title2 as="h1">{strings.signIn.title}</Title2>
      <Body1>{strings.signIn.intro}</Body1>
      {error ? <ErrorState error={error} title={strings.signIn.failed} /> : null}
      <div className={styles.personas}>
        {personas.map((persona) => {
          const role = strings.common.roles[persona.role];
          return (
            <Card key={persona.role} className={styles.card}>
              <CardHeader
                header={<Subtitle2 as="h2">{role}</Subtitle2>}
                description={<Text>{persona.displayName}</Text>}
              />
              <Text>{strings.signIn.roleHint[persona.role]}</Text>
              <Button appearance="primary" disabled={busy !== null} onClick={() => void pick(persona)}>
                {strings.signIn.as(role)}
              </Button>
            </Card>
          );
        })}
      </div>
    </main>
  );
}
