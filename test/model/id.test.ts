import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { IdSchema, parseWith } from "../../src/model/index.js";
import { expectInvalid } from "../support/expect-invalid.js";

describe("ids", () => {
  it("are any non-empty string up to 256 characters without control characters", () => {
    for (const id of ["c-1", "cus_01H8Z", "00000000-0000-4000-8000-000000000000", "ü-ñ-漢字-😀", "x".repeat(256), "with space"]) expect(IdSchema.parse(id)).toBe(id);
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 256, unit: "grapheme" }), (s) => {
        // eslint-disable-next-line no-control-regex
        const expected = s.length <= 256 && !/[\u0000-\u001f\u007f]/.test(s);
        expect(IdSchema.safeParse(s).success).toBe(expected);
      }),
    );
  });

  it("reject empty, too long, control characters and non-strings", () => {
    for (const bad of ["", "x".repeat(257), "a\nb", "a\u0000b", "tab\t", 42, null]) expectInvalid(() => parseWith(IdSchema, "id", bad), "(root)");
  });
});
