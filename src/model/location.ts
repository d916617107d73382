import { z } from "zod";

/**
 * A point on Earth in decimal degrees (WGS 84), for geographic campaigns.
 *
 * @example
 * ```ts
 * import { GeoPointSchema } from "crmkit/model";
 * GeoPointSchema.parse({ latitude: 52.52, longitude: 13.405 });
 * ```
 */
export const GeoPointSchema = z.strictObject({
  latitude: z.number().min(-90).max(90),
  longitude: z.number().min(-180).max(180),
});

/**
 * A geographic point (see {@link GeoPointSchema}).
 *
 * @example
 * ```ts
 * import type { GeoPoint } from "crmkit/model";
 * const berlin: GeoPoint = { latitude: 52.52, longitude: 13.405 };
 * ```
 */
export type GeoPoint = z.infer<typeof GeoPointSchema>;

/**
 * Where a customer or account is: ISO 3166-1 alpha-2 `country` (upper case), free-form
 * `region` / `city` / `postalCode`, optional coordinates.
 *
 * @example
 * ```ts
 * import { LocationSchema } from "crmkit/model";
 * LocationSchema.parse({ country: "DE", city: "Berlin", coordinates: { latitude: 52.52, longitude: 13.405 } });
 * ```
 */
export const LocationSchema = z.strictObject({
  country: z.string().regex(/^[A-Z]{2}$/, "expected an ISO 3166-1 alpha-2 country code such as DE").optional(),
  region: z.string().min(1).max(200).optional(),
  city: z.string().min(1).max(200).optional(),
  postalCode: z.string().min(1).max(32).optional(),
  coordinates: GeoPointSchema.optional(),
});

/**
 * A location (see {@link LocationSchema}).
 *
 * @example
 * ```ts
 * import type { Location } from "crmkit/model";
 * const where: Location = { country: "FR", city: "Lyon" };
 * ```
 */
export type Location = z.infer<typeof LocationSchema>;
