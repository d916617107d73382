/**
 * The four stages of relationship marketing, from first contact to committed
 * partnership:
 *
 * - `exploratory` — first impression: is there a fit? (every relationship starts here)
 * - `basic` — the company shows it understands the customer's needs: purchases and a
 *   real two-way exchange
 * - `collaborated` — several departments engaged, nurturing the relationship together
 * - `interconnected` — committed partners; a relationship that is hard to break
 *
 * They match the awareness → exploration → expansion → commitment path of Dwyer,
 * Schurr & Oh (1987); the fifth phase, dissolution, is reported as a health flag
 * (see {@link RELATIONSHIP_HEALTH}) because a dissolving relationship still has a stage.
 *
 * @example
 * ```ts
 * import { RELATIONSHIP_STAGES } from "crmkit/stages";
 * RELATIONSHIP_STAGES.indexOf("collaborated"); // 2
 * ```
 */
export const RELATIONSHIP_STAGES = ["exploratory", "basic", "collaborated", "interconnected"] as const;

/**
 * A relationship stage.
 *
 * @example
 * ```ts
 * import type { RelationshipStage } from "crmkit/stages";
 * const s: RelationshipStage = "basic";
 * ```
 */
export type RelationshipStage = (typeof RELATIONSHIP_STAGES)[number];

/**
 * The health of a relationship, independent of its stage: `healthy`, `atRisk`
 * (weakening: inactivity, a detractor score, a falling NPS, an escalated ticket, a lost
 * key contact) or `dissolving` (Dwyer, Schurr & Oh's dissolution: long inactivity).
 *
 * @example
 * ```ts
 * import { RELATIONSHIP_HEALTH } from "crmkit/stages";
 * RELATIONSHIP_HEALTH; // ["healthy", "atRisk", "dissolving"]
 * ```
 */
export const RELATIONSHIP_HEALTH = ["healthy", "atRisk", "dissolving"] as const;

/**
 * A relationship health flag.
 *
 * @example
 * ```ts
 * import type { RelationshipHealth } from "crmkit/stages";
 * const h: RelationshipHealth = "atRisk";
 * ```
 */
export type RelationshipHealth = (typeof RELATIONSHIP_HEALTH)[number];
