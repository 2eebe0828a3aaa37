import {
  Body1,
  Dropdown,
  Field,
  MessageBar,
  MessageBarBody,
  Option,
  Radio,
  RadioGroup,
  Title2,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { pages } from '@microsoft/teams-js';
import { useEffect, useMemo, useState } from 'react';
import type { FilterOptions } from '../../api/api-types';
import { useApiQuery } from '../../api/use-api-query';
import { useSession } from '../../auth/SessionProvider';
import { ErrorState, LoadingState } from '../../components/PageState';
import { useStrings } from '../../i18n/I18nProvider';
import { channelContentPath, type ChannelView } from './channel-tab-config';

const useStyles = makeStyles({
  page: {
    maxWidth: '560px',
    padding: tokens.spacingVerticalL,
    display: 'grid',
    gap: tokens.spacingVerticalL,
  },
});

/**
 * The configuration page of the channel tab: an admin chooses the company's dashboard or a
 * department's; a supervisor one of their departments. Saved with teams-js `pages.config`.
 */
export function ConfigPage() {
  const strings = useStrings();
  const styles = useStyles();
  const { me, host } = useSession();
  const options = useApiQuery<FilterOptions>('/api/v1/reports/filters');
  const [view, setView] = useState<ChannelView | null>(me.role === 'admin' ? { kind: 'company' } : null);
  const departments = useMemo(() => options.data?.departments ?? [], [options.data]);

  useEffect(() => {
    if (host.kind === 'browser') return;
    const name =
      view?.kind === 'company'
        ? strings.config.company
        : departments.find((d) => view?.kind === 'department' && d.id === view.departmentId)?.name;
    pages.config.setValidityState(view !== null);
    if (!view || !name) return;
    pages.config.registerOnSaveHandler((save) => {
      const contentUrl = new URL(channelContentPath(view), window.location.origin).href;
      pages.config
        .setConfig({
          entityId:
            view.kind === 'company' ? 'ledgerline-company' : `ledgerline-department-${view.departmentId}`,
          contentUrl,
          websiteUrl: contentUrl,
          suggestedDisplayName: strings.config.tabName(name),
        })
        .then(() => save.notifySuccess())
        .catch((error: unknown) => save.notifyFailure(String(error)));
    });
  }, [view, departments, host.kind, strings]);

  if (options.isPending) return <LoadingState />;
  if (options.isError) return <ErrorState error={options.error} onRetry={() => void options.refetch()} />;
  const canShowCompany = me.role === 'admin';
  return (
    <main className={styles.page}>
      <Title2 as="h1">{strings.config.title}</Title2>
      <Body1>{strings.config.intro}</Body1>
      {!canShowCompany && departments.length === 0 ? (
        <MessageBar intent="warning">
          <MessageBarBody>{strings.config.noDepartments}</MessageBarBody>
        </MessageBar>
      ) : (
        <>
          <Field
            label={strings.config.showLabel}
            hint={canShowCompany ? undefined : strings.config.companyAdminsOnly}
          >
            <RadioGroup
              value={view?.kind ?? ''}
              onChange={(_, data) =>
                setView(
                  data.value === 'company'
                    ? { kind: 'company' }
                    : departments[0]
                      ? { kind: 'department', departmentId: departments[0].id }
                      : null,
                )
              }
            >
              <Radio value="company" label={strings.config.company} disabled={!canShowCompany} />
              <Radio
                value="department"
                label={strings.config.department}
                disabled={departments.length === 0}
              />
            </RadioGroup>
          </Field>
          {view?.kind === 'department' ? (
            <Field label={strings.config.departmentLabel}>
              <Dropdown
                value={departments.find((d) => d.id === view.departmentId)?.name ?? ''}
                selectedOptions={[String(view.departmentId)]}
                onOptionSelect={(_, data) =>
                  setView({ kind: 'department', departmentId: Number(data.optionValue) })
                }
              >
                {departments.map((department) => (
                  <Option key={department.id} value={String(department.id)}>
                    {department.name}
                  </Option>
                ))}
              </Dropdown>
            </Field>
          ) : null}
        </>
      )}
    </main>
  );
}
