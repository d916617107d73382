import type { RelationshipProfile } from "../../src/stages/index.js";

export const DAY = 86_400_000;
export const T0 = Date.UTC(2024, 0, 1);
/** The instant `d` days after 2024-01-01T00:00Z. */
export const day = (d: number): Date => new Date(T0 + d * DAY);

export function profile(parts: Partial<RelationshipProfile> = {}): RelationshipProfile {
  return {
    customerId: "c-1",
    since: day(0),
    purchases: [],
    interactions: [],
    tickets: [],
    nps: [],
    subscriptions: [],
    keyContactEvents: [],
    ...parts,
  };
}
