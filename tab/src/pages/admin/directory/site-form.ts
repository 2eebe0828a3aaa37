import type { Site } from '../admin-types';
import { listOf } from '../shared/text-list';

/** A site and its dial plan as the form holds them; lists are written with commas. */
export interface SiteDraft {
  code: string;
  name: string;
  timeZone: string;
  currency: string;
  country: string;
  outsideLineCode: string;
  internationalPrefix: string;
  nationalPrefix: string;
  /** `2000-2999, 3100-3199` */
  extensionRanges: string;
  /** `02, 031` */
  localAreaCodes: string;
}

/** What `POST /api/v1/admin/sites` takes (and PATCH, all of it). */
export type SiteBody = Omit<Site, 'id'>;

/** A field of the site form that cannot be sent. */
export type SiteField = keyof SiteDraft;

/** A new site's form: Italian defaults, as the demo company's first site. */
export const NEW_SITE: SiteDraft = {
  code: '',
  name: '',
  timeZone: 'Europe/Rome',
  currency: 'EUR',
  country: 'IT',
  outsideLineCode: '0',
  internationalPrefix: '00',
  nationalPrefix: '',
  extensionRanges: '',
  localAreaCodes: '',
};

/** The form of a stored site. */
export function siteDraftOf(site: Site): SiteDraft {
  return {
    code: site.code,
    name: site.name,
    timeZone: site.timeZone,
    currency: site.currency,
    country: site.dialPlan.country,
    outsideLineCode: site.dialPlan.outsideLineCode ?? '',
    internationalPrefix: site.dialPlan.internationalPrefix,
    nationalPrefix: site.dialPlan.nationalPrefix ?? '',
    extensionRanges: site.dialPlan.extensionRanges.map((range) => `${range.from}-${range.to}`).join(', '),
    localAreaCodes: site.dialPlan.localAreaCodes.join(', '),
  };
}

/** Whether `Intl` knows a time zone by this name (Europe/Rome). */
export function validTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone !== '';
  } catch {
    return false;
  }
}

/** Reads the form into the site's body, or names the fields that cannot be read (as the API checks them). */
export function siteBody(
  draft: SiteDraft,
): { ok: true; body: SiteBody } | { ok: false; problems: SiteField[] } {
  const problems: SiteField[] = [];
  const check = (field: SiteField, valid: boolean) => {
    if (!valid) problems.push(field);
  };
  const digits = (text: string, max: number) => new RegExp(`^\\d{1,${max}}$`).test(text);
  const code = draft.code.trim();
  const name = draft.name.trim();
  const timeZone = draft.timeZone.trim();
  const outsideLineCode = draft.outsideLineCode.trim();
  const internationalPrefix = draft.internationalPrefix.trim();
  const nationalPrefix = draft.nationalPrefix.trim();
  check('code', /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/.test(code));
  check('name', name !== '' && name.length <= 200);
  check('timeZone', validTimeZone(timeZone));
  check('currency', /^[A-Za-z]{3}$/.test(draft.currency.trim()));
  check('country', /^[A-Za-z]{2}$/.test(draft.country.trim()));
  check('outsideLineCode', outsideLineCode === '' || digits(outsideLineCode, 8));
  check('internationalPrefix', digits(internationalPrefix, 8));
  check('nationalPrefix', nationalPrefix === '' || digits(nationalPrefix, 8));
  const ranges = listOf(draft.extensionRanges).map((item) => {
    const [from = '', to = from] = item.split('-');
    return { from, to };
  });
  check(
    'extensionRanges',
    ranges.every(
      ({ from, to }) =>
        digits(from, 8) && digits(to, 8) && from.length === to.length && Number(from) <= Number(to),
    ),
  );
  const localAreaCodes = listOf(draft.localAreaCodes);
  check(
    'localAreaCodes',
    localAreaCodes.every((item) => digits(item, 6)),
  );
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    body: {
      code,
      name,
      timeZone,
      currency: draft.currency.trim().toUpperCase(),
      dialPlan: {
        country: draft.country.trim().toUpperCase(),
        outsideLineCode: outsideLineCode || null,
        internationalPrefix,
        nationalPrefix: nationalPrefix || null,
        extensionRanges: ranges,
        localAreaCodes,
      },
    },
  };
}
