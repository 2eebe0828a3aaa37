/**
 * Numbers of the public emergency services (police, fire, ambulance, rescue, and what each regulator
 * lists with them), per ISO country. Dialled as-is, without trunk or area prefix.
 *
 * Sources: FR — Arcep's list of "numéros d'urgence" plus decision 2017-1251 (116111); IT — the
 * ministry's "numeri per servizi di emergenza" (117, 1515, 1530 … are "pubblica utilità", not
 * emergency); GB, IE, US, CA, DE, AT, BE, CH, NL — the `emergency` patterns of Google
 * libphonenumber's ShortNumberMetadata.xml (libphonenumber-js ships no short-number metadata).
 */
const EMERGENCY_NUMBERS_BY_COUNTRY: Readonly<Record<string, readonly string[]>> = Object.freeze({
  IT: ['112', '113', '114', '115', '118'],
  GB: ['999', '112'],
  IE: ['999', '112'],
  US: ['911', '112'],
  CA: ['911', '112'],
  DE: ['110', '112'],
  FR: ['15', '17', '18', '112', '114', '115', '119', '191', '196', '197', '116000', '116111', '116117'],
  AT: ['112', '122', '133', '144'],
  BE: ['100', '101', '112'],
  CH: ['112', '117', '118', '144'],
  NL: ['112', '911'],
});

/** ITU-T E.161.1 recommends 112 and 911 worldwide; used for countries missing from the table. */
const ITU_EMERGENCY_NUMBERS: readonly string[] = Object.freeze(['112', '911']);

/**
 * The emergency numbers dialled in a country. Exists so the miner can tell an emergency call from
 * any other short code: emergency calls are free and watched by alarms, other short codes are not.
 */
export function emergencyNumbersOf(country: string): readonly string[] {
  return EMERGENCY_NUMBERS_BY_COUNTRY[country.toUpperCase()] ?? ITU_EMERGENCY_NUMBERS;
}

/** The countries with their own entry in the emergency table (others get ITU 112 and 911). */
export function countriesWithEmergencyNumbers(): readonly string[] {
  return Object.keys(EMERGENCY_NUMBERS_BY_COUNTRY);
}
