/** Where a call went, in the categories call-accounting users budget and report by. */
export const DESTINATION_CLASSES = [
  'internal',
  'local',
  'national',
  'mobile',
  'international',
  'tollfree',
  'premium',
  'shared_cost',
  'emergency',
  'special',
  'unknown',
] as const;

/** One of DESTINATION_CLASSES. */
export type DestinationClass = (typeof DESTINATION_CLASSES)[number];

/** True when `value` names a destination class. */
export function isDestinationClass(value: string): value is DestinationClass {
  return (DESTINATION_CLASSES as readonly string[]).includes(value);
}
