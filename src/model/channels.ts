import { z } from "zod";

/**
 * The channel of a touchpoint.
 *
 * @example
 * ```ts
 * import { INTERACTION_CHANNELS } from "crmkit/model";
 * INTERACTION_CHANNELS.includes("web_visit"); // true
 * ```
 */
export const INTERACTION_CHANNELS = [
  "email",
  "call",
  "meeting",
  "video_call",
  "chat",
  "sms",
  "whatsapp",
  "social",
  "web_visit",
  "in_app",
  "mail",
  "note",
  "other",
] as const;

/**
 * Schema of {@link INTERACTION_CHANNELS}.
 *
 * @example
 * ```ts
 * import { InteractionChannelSchema } from "crmkit/model";
 * InteractionChannelSchema.parse("chat");
 * ```
 */
export const InteractionChannelSchema = z.enum(INTERACTION_CHANNELS);

/**
 * A touchpoint channel.
 *
 * @example
 * ```ts
 * import type { InteractionChannel } from "crmkit/model";
 * const c: InteractionChannel = "meeting";
 * ```
 */
export type InteractionChannel = z.infer<typeof InteractionChannelSchema>;

/**
 * Channels a company can use to contact a customer, each with its own consent.
 *
 * @example
 * ```ts
 * import { CONTACT_CHANNELS } from "crmkit/model";
 * CONTACT_CHANNELS; // ["email", "sms", "call", "whatsapp", "push", "mail"]
 * ```
 */
export const CONTACT_CHANNELS = ["email", "sms", "call", "whatsapp", "push", "mail"] as const;

/**
 * Schema of {@link CONTACT_CHANNELS}.
 *
 * @example
 * ```ts
 * import { ContactChannelSchema } from "crmkit/model";
 * ContactChannelSchema.parse("sms");
 * ```
 */
export const ContactChannelSchema = z.enum(CONTACT_CHANNELS);

/**
 * An outbound contact channel.
 *
 * @example
 * ```ts
 * import type { ContactChannel } from "crmkit/model";
 * const c: ContactChannel = "email";
 * ```
 */
export type ContactChannel = z.infer<typeof ContactChannelSchema>;

/**
 * Departments that touch customers. The 360-degree view and the relationship
 * stages count how many of them are engaged.
 *
 * @example
 * ```ts
 * import { DEPARTMENTS } from "crmkit/model";
 * DEPARTMENTS.includes("support"); // true
 * ```
 */
export const DEPARTMENTS = ["sales", "marketing", "support", "success", "product", "billing", "executive", "other"] as const;

/**
 * Schema of {@link DEPARTMENTS}.
 *
 * @example
 * ```ts
 * import { DepartmentSchema } from "crmkit/model";
 * DepartmentSchema.parse("success");
 * ```
 */
export const DepartmentSchema = z.enum(DEPARTMENTS);

/**
 * A department.
 *
 * @example
 * ```ts
 * import type { Department } from "crmkit/model";
 * const d: Department = "marketing";
 * ```
 */
export type Department = z.infer<typeof DepartmentSchema>;

/**
 * Who started a touchpoint: the customer (`inbound`), the company (`outbound`), or
 * nobody outside (`internal`, e.g. a note).
 *
 * @example
 * ```ts
 * import { DirectionSchema } from "crmkit/model";
 * DirectionSchema.parse("inbound");
 * ```
 */
export const DirectionSchema = z.enum(["inbound", "outbound", "internal"]);

/**
 * Direction of a touchpoint.
 *
 * @example
 * ```ts
 * import type { Direction } from "crmkit/model";
 * const d: Direction = "outbound";
 * ```
 */
export type Direction = z.infer<typeof DirectionSchema>;
