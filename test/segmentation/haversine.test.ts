import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { EARTH_RADIUS_KM, haversineKm } from "../../src/segmentation/haversine.js";

const berlin = { latitude: 52.52, longitude: 13.405 };
const paris = { latitude: 48.8566, longitude: 2.3522 };

/**
 * The great-circle distance by the atan2 (Vincenty sphere) formula: independent of
 * the haversine and well conditioned at every distance. (The law of cosines is not:
 * acos loses half the digits near 0 and near the antipode, which made an earlier
 * version of this test fail on rare random pairs.)
 */
function atan2GreatCircleKm(a: { latitude: number; longitude: number }, b: { latitude: number; longitude: number }): number {
  const r = Math.PI / 180;
  const [p1, p2, dl] = [a.latitude * r, b.latitude * r, (b.longitude - a.longitude) * r];
  const y = Math.hypot(Math.cos(p2) * Math.sin(dl), Math.cos(p1) * Math.sin(p2) - Math.sin(p1) * Math.cos(p2) * Math.cos(dl));
  const x = Math.sin(p1) * Math.sin(p2) + Math.cos(p1) * Math.cos(p2) * Math.cos(dl);
  return EARTH_RADIUS_KM * Math.atan2(y, x);
}

const point = fc.record({
  latitude: fc.double({ min: -90, max: 90, noNaN: true }),
  longitude: fc.double({ min: -180, max: 180, noNaN: true }),
});

describe("haversineKm", () => {
  it("uses the IUGG mean Earth radius", () => {
    expect(EARTH_RADIUS_KM).toBe(6371.0088);
  });

  it("gives exact arcs of the sphere", () => {
    expect(haversineKm(berlin, berlin)).toBe(0);
    // a quarter of the equator, pole to pole, antipodes on the equator, one degree of latitude
    expect(haversineKm({ latitude: 0, longitude: 0 }, { latitude: 0, longitude: 90 })).toBeCloseTo((Math.PI / 2) * EARTH_RADIUS_KM, 9);
    expect(haversineKm({ latitude: 90, longitude: 0 }, { latitude: -90, longitude: 0 })).toBeCloseTo(Math.PI * EARTH_RADIUS_KM, 9);
    expect(haversineKm({ latitude: 0, longitude: -90 }, { latitude: 0, longitude: 90 })).toBeCloseTo(Math.PI * EARTH_RADIUS_KM, 9);
    expect(haversineKm({ latitude: 10, longitude: 20 }, { latitude: 11, longitude: 20 })).toBeCloseTo((Math.PI / 180) * EARTH_RADIUS_KM, 9);
  });

  it("matches published city-pair distances (Berlin–Paris 877.46 km, Berlin–Potsdam 27.19 km)", () => {
    expect(haversineKm(berlin, paris)).toBeCloseTo(877.4645, 3);
    expect(haversineKm(berlin, { latitude: 52.3906, longitude: 13.0645 })).toBeCloseTo(27.1912, 3);
    expect(haversineKm(berlin, { latitude: 53.5511, longitude: 9.9937 })).toBeCloseTo(255.2505, 3);
  });

  it("is symmetric, bounded by half the circumference and agrees with the atan2 great-circle formula", () => {
    fc.assert(
      fc.property(point, point, (a, b) => {
        const d = haversineKm(a, b);
        expect(d).toBeGreaterThanOrEqual(0);
        expect(d).toBeLessThanOrEqual(Math.PI * EARTH_RADIUS_KM + 1e-9);
        expect(haversineKm(b, a)).toBeCloseTo(d, 9);
        // The haversine's asin is itself ill-conditioned near the antipode: within a metre there, 0.1 mm elsewhere.
        const tolerance = d > 0.999 * Math.PI * EARTH_RADIUS_KM ? 1e-3 : 1e-7 * Math.max(1, d);
        expect(Math.abs(d - atan2GreatCircleKm(a, b))).toBeLessThanOrEqual(tolerance);
      }),
      { numRuns: 20_000 },
    );
  });

  it("satisfies the triangle inequality", () => {
    fc.assert(
      fc.property(point, point, point, (a, b, c) => {
        // 1e-3 km: rounding near the antipode, where the haversine's asin is ill-conditioned (see above)
        expect(haversineKm(a, c)).toBeLessThanOrEqual(haversineKm(a, b) + haversineKm(b, c) + 1e-3);
      }),
      { numRuns: 20_000 },
    );
  });
});
