import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { createFormatters, type Formatters } from './formatters';
import { languageOf, stringsFor, type Strings } from './strings';

interface I18n {
  strings: Strings;
  format: Formatters;
}

const I18nContext = createContext<I18n | null>(null);

/** The strings and formatters of the user's locale (from the host, else the browser). */
export function I18nProvider({ locale, children }: { locale: string; children: ReactNode }) {
  const value = useMemo(
    () => ({ strings: stringsFor(languageOf(locale)), format: createFormatters(locale) }),
    [locale],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('I18nProvider is missing');
  return i18n;
}

/** The strings of the user's language. */
export function useStrings(): Strings {
  return useI18n().strings;
}

/** Numbers, money and dates in the user's locale. */
export function useFormat(): Formatters {
  return useI18n().format;
}
