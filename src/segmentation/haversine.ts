import type { GeoPoint } from "../model/location.js";

/**
 * The Earth's mean radius in kilometres (IUGG: R1 = (2a + b) / 3 of WGS 84), the
 * radius {@link haversineKm} uses. Treating the Earth as a sphere errs by at most
 * about 0.5 % against the ellipsoid — far below what a geo campaign radius needs.
 *
 * @example
 * ```ts
 * import { EARTH_RADIUS_KM } from "crmkit/segmentation";
 * Math.PI * EARTH_RADIUS_KM; // pole-to-pole great-circle distance, ~20015 km
 * ```
 */
export const EARTH_RADIUS_KM = 6371.0088;

const RAD = Math.PI / 180;

/**
 * Great-circle distance in kilometres between two points, by the haversine
 * formula on a sphere of radius {@link EARTH_RADIUS_KM}:
 * `d = 2R · asin(√(sin²(Δφ/2) + cos φ₁ · cos φ₂ · sin²(Δλ/2)))`. Numerically stable
 * for small distances (rounding error under a millimetre); near the antipode the
 * asin is ill-conditioned and the error grows to about a centimetre (still far
 * below the sphere model's own error of up to 0.5% against the ellipsoid);
 * symmetric; 0 for identical points.
 *
 * @example
 * ```ts
 * import { haversineKm } from "crmkit/segmentation";
 * haversineKm({ latitude: 52.52, longitude: 13.405 }, { latitude: 48.8566, longitude: 2.3522 }); // ~878 (Berlin–Paris)
 * ```
 */
export function haversineKm(a: GeoPoint, b: GeoPoint): number {
  const phi1 = a.latitude * RAD;
  const phi2 = b.latitude * RAD;
  const sinDPhi = Math.sin((phi2 - phi1) / 2);
  const sinDLambda = Math.sin(((b.longitude - a.longitude) * RAD) / 2);
  const h = sinDPhi * sinDPhi + Math.cos(phi1) * Math.cos(phi2) * sinDLambda * sinDLambda;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}
