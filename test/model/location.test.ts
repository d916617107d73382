import { describe, expect, it } from "vitest";
import { GeoPointSchema, LocationSchema, parseWith } from "../../src/model/index.js";
import { expectInvalid, expectUnknownKeyRejected } from "../support/expect-invalid.js";

describe("location", () => {
  it("parses a place with coordinates; every part is optional", () => {
    const berlin = { country: "DE", region: "Berlin", city: "Berlin", postalCode: "10115", coordinates: { latitude: 52.52, longitude: 13.405 } };
    expect(LocationSchema.parse(berlin)).toEqual(berlin);
    expect(LocationSchema.parse({})).toEqual({});
  });

  it("coordinates are WGS 84 degrees within [-90, 90] × [-180, 180]", () => {
    expect(GeoPointSchema.parse({ latitude: -90, longitude: 180 })).toEqual({ latitude: -90, longitude: 180 });
    expectInvalid(() => parseWith(GeoPointSchema, "point", { latitude: 90.0001, longitude: 0 }), "latitude");
    expectInvalid(() => parseWith(GeoPointSchema, "point", { latitude: 0, longitude: -180.5 }), "longitude");
    expectInvalid(() => parseWith(GeoPointSchema, "point", { latitude: Number.NaN, longitude: 0 }), "latitude");
  });

  it("country is an upper-case ISO 3166-1 alpha-2 code", () => {
    for (const bad of ["de", "DEU", "D", "12"]) expectInvalid(() => parseWith(LocationSchema, "location", { country: bad }), "country");
    expectUnknownKeyRejected(() => parseWith(LocationSchema, "location", { country: "DE", street: "Unter den Linden" }), "street");
  });
});
