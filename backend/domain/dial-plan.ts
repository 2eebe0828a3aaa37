/** A contiguous block of internal extensions, e.g. 2000–2999 (same number of digits at both ends). */
export interface ExtensionRange {
  from: string;
  to: string;
}

/**
 * How people dial at a site: what the PBX records when someone calls out, and which short numbers
 * are internal extensions. Stored with the site; the miner normalizes every number with it.
 */
export interface DialPlan {
  /** ISO 3166-1 alpha-2 country of the site, e.g. "IT". */
  country: string;
  /** Digit(s) dialled to get an outside line, e.g. "0" or "9"; null when none is used. */
  outsideLineCode: string | null;
  /** International call prefix, e.g. "00" (Europe) or "011" (North America). */
  internationalPrefix: string;
  /** Trunk prefix of national numbers, e.g. "0" (UK, DE, FR) or "1" (US); null where none (IT). */
  nationalPrefix: string | null;
  /** Internal extensions of the site. */
  extensionRanges: ExtensionRange[];
  /**
   * National significant number prefixes that count as local calls, e.g. ["02"] for Milan,
   * ["20"] for London, ["212", "646"] for Manhattan. Empty: fixed-line calls are national.
   */
  localAreaCodes: string[];
}
