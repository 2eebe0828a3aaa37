import * as AC from 'adaptivecards';
import { expect } from 'vitest';
import type { AdaptiveCard } from './card-elements.js';

/** Parses a card with the Adaptive Cards SDK and returns every problem it reports. */
export function problemsOf(json: AdaptiveCard): string[] {
  const card = new AC.AdaptiveCard();
  const context = new AC.SerializationContext(AC.Versions.v1_5);
  card.parse(json, context);
  const problems: string[] = [];
  for (let i = 0; i < context.eventCount; i++) {
    const event = context.getEventAt(i);
    problems.push(`parse: ${AC.ValidationEvent[event.event]}: ${event.message}`);
  }
  for (const event of card.validateProperties().validationEvents)
    problems.push(`validate: ${AC.ValidationEvent[event.event]}: ${event.message}`);
  if (card.version.toString() !== '1.5') problems.push(`version ${card.version.toString()}`);
  return problems;
}

/** Fails unless the SDK reads the card without a problem, and writes back every element it was given. */
export function expectValid(json: AdaptiveCard): void {
  expect(problemsOf(json)).toEqual([]);
  const card = new AC.AdaptiveCard();
  card.parse(json, new AC.SerializationContext(AC.Versions.v1_5));
  const written = JSON.stringify(card.toJSON());
  for (const type of new Set(JSON.stringify(json).match(/"type":"[^"]+"/g)))
    expect(written, `${type} is lost`).toContain(type);
  expect(json.version).toBe('1.5');
}
