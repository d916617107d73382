import type { Money } from "../model/money.js";
import type { LeadStatus } from "../model/lead.js";

/**
 * One entry of a stage history: the stage entered and when. A `Deal`'s
 * `stageHistory` entries have this shape.
 *
 * @example
 * ```ts
 * import type { StageEntry } from "crmkit/conversion";
 * const e: StageEntry = { stageId: "proposal", enteredAt: new Date("2024-03-01T00:00:00Z") };
 * ```
 */
export interface StageEntry {
  /** The stage entered. */
  readonly stageId: string;
  /** When it was entered. */
  readonly enteredAt: Date;
}

/**
 * The fields of a deal the conversion reports read. A parsed `Deal` from
 * `crmkit/model` is one; so is any row with these fields (dates as `Date`). Each
 * report states which optional fields it needs and throws `INVALID_INPUT` naming
 * the deal when one is missing.
 *
 * @example
 * ```ts
 * import type { ConversionDeal } from "crmkit/conversion";
 * const d: ConversionDeal = {
 *   id: "d-1",
 *   status: "won",
 *   createdAt: new Date("2024-03-01T00:00:00Z"),
 *   closedAt: new Date("2024-04-10T00:00:00Z"),
 *   amount: { amount: 12_000, currency: "EUR" },
 *   source: "referral",
 * };
 * ```
 */
export interface ConversionDeal {
  readonly id: string;
  /** `open`, `won` or `lost`. */
  readonly status: "open" | "won" | "lost";
  readonly createdAt: Date;
  /** Required for won and lost deals, absent for open ones. */
  readonly closedAt?: Date | undefined;
  readonly pipelineId?: string | undefined;
  /** The current stage (the last stage-history entry). */
  readonly stageId?: string | undefined;
  readonly amount?: Money | undefined;
  readonly source?: string | undefined;
  readonly ownerId?: string | undefined;
  readonly expectedCloseAt?: Date | undefined;
  /** Every stage entered, oldest first; re-entries and backward moves included. */
  readonly stageHistory?: readonly StageEntry[] | undefined;
}

/**
 * The fields of a lead the conversion reports read. A parsed `Lead` from
 * `crmkit/model` is one.
 *
 * @example
 * ```ts
 * import type { ConversionLead } from "crmkit/conversion";
 * const l: ConversionLead = {
 *   id: "l-1",
 *   source: "referral",
 *   status: "converted",
 *   createdAt: new Date("2024-02-01T09:00:00Z"),
 *   convertedAt: new Date("2024-02-20T15:00:00Z"),
 * };
 * ```
 */
export interface ConversionLead {
  readonly id: string;
  readonly source: string;
  readonly status: LeadStatus;
  readonly createdAt: Date;
  /** Required when (and only when) `status` is `converted`. */
  readonly convertedAt?: Date | undefined;
  /** Required when `status` is `disqualified`. */
  readonly disqualifiedAt?: Date | undefined;
  readonly ownerId?: string | undefined;
}
