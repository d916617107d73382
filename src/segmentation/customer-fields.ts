import { CONTACT_CHANNELS } from "../model/channels.js";

/**
 * The kind of value a segment-rule field holds, which decides the operators it
 * accepts:
 *
 * - `string` — `eq`, `in`, `contains` (substring), `startsWith`, `endsWith`;
 * - `number` — `eq`, `in`, `gt`, `gte`, `lt`, `lte`, `between`;
 * - `boolean` — `eq`, `in`;
 * - `date` — `eq`, `gt`, `gte`, `lt`, `lte`, `between` (ISO date operands), `withinLast`;
 * - `strings` — a list of strings (tags, email addresses): `contains` (has an element
 *   equal to the operand), `in` (has an element among the operands), `startsWith`,
 *   `endsWith` (some element does);
 * - `geo` — a `{ latitude, longitude }` point: `withinRadius`;
 * - `dynamic` — custom attributes and caller-supplied metrics whose kind is only known
 *   when a customer is evaluated: every operator is accepted and applies when the
 *   value's runtime type fits it (otherwise the condition is false).
 *
 * `exists` applies to every kind.
 *
 * @example
 * ```ts
 * import type { FieldKind } from "crmkit/segmentation";
 * const kind: FieldKind = "date";
 * ```
 */
export type FieldKind = "string" | "number" | "boolean" | "date" | "strings" | "geo" | "dynamic";

/**
 * One field of the `Customer` schema that segment rules can refer to.
 *
 * @example
 * ```ts
 * import { CUSTOMER_FIELDS, type CustomerField } from "crmkit/segmentation";
 * const country: CustomerField | undefined = CUSTOMER_FIELDS.find((f) => f.path === "location.country");
 * ```
 */
export interface CustomerField {
  /** The dotted path used in a rule's `field`. */
  readonly path: string;
  /** What kind of value it holds (see {@link FieldKind}). */
  readonly kind: Exclude<FieldKind, "dynamic">;
  /** What it is, in words. */
  readonly description: string;
}

const BASE_FIELDS: readonly CustomerField[] = [
  { path: "id", kind: "string", description: "the customer id" },
  { path: "firstName", kind: "string", description: "first name" },
  { path: "lastName", kind: "string", description: "last name" },
  { path: "displayName", kind: "string", description: "display name" },
  { path: "jobTitle", kind: "string", description: "job title" },
  { path: "accountId", kind: "string", description: "the account (company) the customer belongs to" },
  { path: "ownerId", kind: "string", description: "the user who owns the relationship" },
  { path: "acquisitionSource", kind: "string", description: "where the customer came from (referral, website…)" },
  { path: "lifecycleStage", kind: "string", description: "the current lifecycle stage slug" },
  { path: "lifecycleHistory.stage", kind: "strings", description: "every lifecycle stage the customer has entered" },
  { path: "createdAt", kind: "date", description: "when the customer record was created" },
  { path: "updatedAt", kind: "date", description: "when the customer record was last updated" },
  { path: "birthDate", kind: "date", description: "birth date (a calendar date, compared as midnight UTC)" },
  { path: "emails", kind: "strings", description: "every email address" },
  { path: "phones", kind: "strings", description: "every phone number" },
  { path: "tags", kind: "strings", description: "free-form tags" },
  { path: "location.country", kind: "string", description: "ISO 3166-1 alpha-2 country code" },
  { path: "location.region", kind: "string", description: "region or state" },
  { path: "location.city", kind: "string", description: "city" },
  { path: "location.postalCode", kind: "string", description: "postal code" },
  { path: "location.coordinates", kind: "geo", description: "latitude and longitude (WGS 84)" },
  { path: "location.coordinates.latitude", kind: "number", description: "latitude in decimal degrees" },
  { path: "location.coordinates.longitude", kind: "number", description: "longitude in decimal degrees" },
];

const CONSENT_FIELDS: readonly CustomerField[] = CONTACT_CHANNELS.flatMap((channel): CustomerField[] => [
  { path: `consent.${channel}.status`, kind: "string", description: `consent to be contacted by ${channel}: granted, denied or unknown` },
  { path: `consent.${channel}.updatedAt`, kind: "date", description: `when the ${channel} consent was last recorded` },
]);

/**
 * The `Customer` fields segment rules can refer to, with their kinds. Besides these,
 * a rule may name `attributes.<key>` (a custom attribute) and `metrics.<name>` (a
 * metric the caller supplies, such as an RFM segment or a CLV estimate).
 *
 * @example
 * ```ts
 * import { CUSTOMER_FIELDS } from "crmkit/segmentation";
 * CUSTOMER_FIELDS.filter((f) => f.kind === "date").map((f) => f.path);
 * // ["createdAt", "updatedAt", "birthDate", "consent.email.updatedAt", …]
 * ```
 */
export const CUSTOMER_FIELDS: readonly CustomerField[] = Object.freeze([...BASE_FIELDS, ...CONSENT_FIELDS].map((f) => Object.freeze(f)));
