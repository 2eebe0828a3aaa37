import { settingPath } from './config-file.js';
import { ENVIRONMENT_ONLY_VARIABLES, SETTINGS, SETTING_SECTIONS } from './settings-catalog.js';

const SECRET_WORDS = {
  no: '',
  always: 'secret: environment only',
  'password-in-url': 'password only in the environment',
};

/**
 * The settings tables of docs/configuration.md, made from the catalog, so the doc lists what the
 * code reads (a test compares them).
 */
export function renderSettingsTables(): string {
  const parts: string[] = [];
  for (const [section, title] of Object.entries(SETTING_SECTIONS)) {
    parts.push(`### ${title} (\`${section}\`)`, '');
    parts.push(
      '| Variable | File key | Default | What it does | Secret |',
      '| --- | --- | --- | --- | --- |',
    );
    for (const setting of SETTINGS.filter((candidate) => candidate.section === section))
      parts.push(
        `| \`${setting.variable}\` | \`${settingPath(setting)}\` | ${setting.defaultValue === null ? '—' : `\`${setting.defaultValue}\``} | ${setting.description} | ${SECRET_WORDS[setting.secret]} |`,
      );
    parts.push('');
  }
  parts.push('### Environment only', '', '| Variable | What it does |', '| --- | --- |');
  for (const [variable, description] of Object.entries(ENVIRONMENT_ONLY_VARIABLES))
    parts.push(`| \`${variable}\` | ${description} |`);
  return parts.join('\n');
}
