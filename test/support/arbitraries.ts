import fc from "fast-check";

/**
 * One Unicode scalar value as a string, drawn evenly from the ranges where code-point
 * and UTF-16 order agree or part ways: ASCII, the rest of the BMP below the
 * surrogates, the BMP above them (U+E000–U+FFFF) and the astral planes. (fast-check's
 * `unit: "binary"` is much slower.)
 */
export const codePointChar: fc.Arbitrary<string> = fc
  .oneof(
    fc.integer({ min: 0x20, max: 0x7e }),
    fc.integer({ min: 0xa0, max: 0xd7ff }),
    fc.integer({ min: 0xe000, max: 0xffff }),
    fc.integer({ min: 0x10000, max: 0x10ffff }),
  )
  .map((cp) => String.fromCodePoint(cp));

/** A string of 0 to `maxLength` {@link codePointChar}s. */
export function unicodeString(maxLength: number, minLength = 0): fc.Arbitrary<string> {
  return fc.array(codePointChar, { minLength, maxLength }).map((cs) => cs.join(""));
}

/** A valid entity id made of a few characters from a small alphabet (so ids collide and share prefixes) with tricky code points. */
export const shortId: fc.Arbitrary<string> = fc
  .array(fc.constantFrom("a", "B", "b", "0", "9", "-", "é", "\uFFFD", "\uFF21", "\u{1F600}", "\u{20000}"), { minLength: 1, maxLength: 4 })
  .map((cs) => cs.join(""));
