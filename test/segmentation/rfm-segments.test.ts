import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PYMC_RFM_SEGMENTS, RFM_SEGMENTS, type RfmSegmentMap, type RfmSegmentRule } from "../../src/segmentation/rfm-segment-map.js";
import { rfmScores } from "../../src/segmentation/rfm-scores.js";
import { rfmSegments } from "../../src/segmentation/rfm-segments.js";
import { failureText as failure } from "../support/crmkit-failure.js";
import { pymcRows } from "./support/pymc-transactions.js";

const asOf = new Date("2024-01-01T00:00:00Z");

/** Scores chosen directly: custom cut points 1.5, 2.5, 3.5, 4.5 turn values 1..5 into scores 1..5 (recency reversed). */
function scoresOf(codes: number[], bins = 5) {
  const cuts = Array.from({ length: bins - 1 }, (_, k) => k + 1.5);
  return rfmScores(
    codes.map((code, i) => {
      const [r, f, m] = String(code).split("").map(Number) as [number, number, number];
      return { customerId: `c${i}`, recencyDays: bins + 1 - r, frequency: f, monetary: m };
    }),
    { asOf, cutPoints: { recency: cuts, frequency: cuts, monetary: cuts } },
  );
}

describe("rfmSegments with the rfm package's ten segments", () => {
  it("builds the intended scores in the helper", () => {
    expect([...scoresOf([543, 125]).rfmScore]).toEqual([543, 125]);
  });

  it("assigns the first matching segment in map order (hand-checked)", () => {
    const cases: [number, string][] = [
      [555, "Champions"],
      [333, "Potential Loyalist"], // also a Loyal Customer: the earlier rule wins
      [222, "Loyal Customers"],
      [415, "Promising"], // also a New Customer
      [511, "New Customers"],
      [134, "Can't Lose Them"], // also At Risk and Need Attention
      [254, "At Risk"],
      [133, "Need Attention"],
      [211, "About To Sleep"],
      [111, "Lost"],
      [215, "Others"],
    ];
    const segments = rfmSegments(scoresOf(cases.map((c) => c[0])));
    expect(cases.map((_, i) => segments.at(i))).toEqual(cases.map((c) => c[1]));
    expect(segments.segmentNames).toEqual([...RFM_SEGMENTS.segments.map((s) => s.name), "Others"]);
    expect(segments.segmentOf("c0")).toBe("Champions");
    expect(segments.segmentOf("nobody")).toBeUndefined();
    expect(segments.toMap().get("c9")).toBe("Lost");
  });

  it("reproduces the package's test-rfm-segment.R: its segment table on the README customers' scores", () => {
    // rsquaredacademy/rfm tests/testthat/test-rfm-segment.R (segment names and bounds) with the README's scores of
    // the same ten customers; the test expects these segments for them.
    const map = {
      bins: 5,
      segments: [
        ["Champions", 4, 5, 4, 5, 4, 5],
        ["Loyal Customers", 2, 5, 3, 5, 3, 5],
        ["Potential Loyalist", 3, 5, 1, 3, 1, 3],
        ["New Customers", 4, 5, 1, 1, 1, 1],
        ["Promising", 3, 4, 1, 1, 1, 1],
        ["Need Attention", 2, 3, 2, 3, 2, 3],
        ["About To Sleep", 2, 3, 1, 2, 1, 2],
        ["At Risk", 1, 2, 2, 5, 2, 5],
        ["Can't Lose Them", 1, 1, 4, 5, 4, 5],
        ["Lost", 1, 2, 1, 2, 1, 2],
      ].map(([name, rl, ru, fl, fu, ml, mu]) => ({ name, recency: [rl, ru], frequency: [fl, fu], monetary: [ml, mu] })),
    };
    const readmeScores = [343, 412, 323, 433, 555, 555, 355, 321, 212, 121];
    const segments = rfmSegments(scoresOf(readmeScores), map);
    expect(readmeScores.map((_, i) => segments.at(i))).toEqual([
      "Loyal Customers",
      "Potential Loyalist",
      "Potential Loyalist",
      "Loyal Customers",
      "Champions",
      "Champions",
      "Loyal Customers",
      "Potential Loyalist",
      "About To Sleep",
      "Lost",
    ]);
  });

  it("puts every customer in exactly one segment, the first matching rule's (random scores and maps)", () => {
    const range = fc.tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 })).map(([a, b]) => [Math.min(a, b), Math.max(a, b)] as [number, number]);
    const rule = fc.record(
      {
        name: fc.constantFrom("A", "B", "C", "D"),
        recency: range,
        frequency: range,
        monetary: range,
        codes: fc.array(fc.integer({ min: 1, max: 5 }).chain((r) => fc.tuple(fc.constant(r), fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 }))), {
          minLength: 1,
          maxLength: 20,
        }).map((t) => t.map(([r, f, m]) => `${r}${f}${m}`)),
      },
      { requiredKeys: ["name"] },
    ).filter((r) => r.recency !== undefined || r.frequency !== undefined || r.monetary !== undefined || r.codes !== undefined);
    const code = fc.tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 })).map(([r, f, m]) => r * 100 + f * 10 + m);
    fc.assert(
      fc.property(fc.array(rule, { minLength: 1, maxLength: 8 }), fc.array(code, { minLength: 1, maxLength: 40 }), (rules, codes) => {
        const map: RfmSegmentMap = { bins: 5, fallback: "Rest", segments: rules };
        const segments = rfmSegments(scoresOf(codes), map);
        expect(segments.counts.reduce((a, b) => a + b, 0)).toBe(codes.length);
        let visits = 0;
        segments.forEachMember(() => visits++);
        expect(visits).toBe(codes.length);
        const inRange = (r: readonly [number, number] | undefined, s: number) => r === undefined || (s >= r[0] && s <= r[1]);
        const naive = (c: number): string => {
          const [r, f, m] = [Math.floor(c / 100), Math.floor(c / 10) % 10, c % 10];
          const hit = rules.find(
            (x: RfmSegmentRule) => inRange(x.recency, r) && inRange(x.frequency, f) && inRange(x.monetary, m) && (x.codes === undefined || x.codes.includes(String(c))),
          );
          return hit?.name ?? "Rest";
        };
        codes.forEach((c, i) => expect(segments.at(i)).toBe(naive(c)));
      }),
    );
  });
});

describe("rfmSegments with pymc-marketing's quartile segments", () => {
  // pymc-marketing tests/clv/test_utils.py TestRFM.transaction_data, rfm_segments with the default config:
  // observation end = the last date (2015-02-06); segments of customers 1..6
  const rows = pymcRows;
  const pymcOptions = { asOf: new Date("2015-02-06T00:00:00Z"), bins: 4, collapsedBins: "renumber", frequency: "periods", monetary: "mean" } as const;

  it("reproduces test_rfm_segmentation_config: Other, Inactive, At Risk, Premium, Repeat, Top Spender", () => {
    const scores = rfmScores(rows, pymcOptions);
    // quartile scores worked by hand: recency 0,36,32,1,19,4 days; purchase days 2,1,3,3,3,1; mean spend 1.5,2,3,6,4,5
    expect([...scores.rfmScore]).toEqual([421, 111, 132, 434, 233, 314]);
    const segments = rfmSegments(scores, PYMC_RFM_SEGMENTS);
    expect(scores.customerIds.map((_, i) => segments.at(i))).toEqual([
      "Other",
      "Inactive Customer",
      "At Risk Customer",
      "Premium Customer",
      "Repeat Customer",
      "Top Spender",
    ]);
  });

  it("reproduces the custom-config case: only 222 is in the test segment", () => {
    const map = { bins: 4, fallback: "Other", segments: [{ name: "Test Segment", codes: ["111", "222", "333", "444"] }] };
    const segments = rfmSegments(rfmScores(rows, pymcOptions), map);
    expect(segments.scores.customerIds.map((_, i) => segments.at(i))).toEqual(["Other", "Test Segment", "Other", "Other", "Other", "Other"]);
  });

  it("ships code lists that are disjoint, so first-match equals pymc-marketing's last-match", () => {
    const all = PYMC_RFM_SEGMENTS.segments.flatMap((s) => s.codes ?? []);
    expect(new Set(all).size).toBe(all.length);
  });
});

describe("rfmSegments: bad input", () => {
  const scores = scoresOf([555, 111]);

  it("refuses a map written for another number of bins", () => {
    const quartiles = scoresOf([444, 111], 4);
    expect(failure(() => rfmSegments(quartiles))).toContain('scores.binning.recency.bins: expected 5 bins, as segment map "rfm" is written for scores 1..5');
    expect(failure(() => rfmSegments(scores, PYMC_RFM_SEGMENTS))).toContain("expected 4 bins");
  });

  it("validates maps as data, naming the offending path", () => {
    expect(failure(() => rfmSegments(scores, { segments: [] }))).toContain("segments: expected at least one segment");
    expect(failure(() => rfmSegments(scores, { segments: [{ name: "x" }] }))).toContain("segments[0]: expected at least one of recency");
    expect(failure(() => rfmSegments(scores, { segments: [{ name: "x", recency: [4, 2] }] }))).toContain("segments[0].recency: expected [low, high] with low <= high");
    expect(failure(() => rfmSegments(scores, { bins: 5, segments: [{ name: "x", codes: ["560"] }] }))).toContain("segments[0].codes[0]");
    expect(failure(() => rfmSegments(scores, { bins: 5, segments: [{ name: "x", recency: [1, 6] }] }))).toContain("segments[0].recency: expected scores <= bins (5)");
    expect(failure(() => rfmSegments(scores, JSON.parse('{"segments":[{"name":"x","recency":[1,2],"__proto__":{}}]}')))).toContain(
      'segments[0].__proto__: key "__proto__" is reserved',
    );
    expect(failure(() => rfmSegments({} as never))).toContain("scores: expected the result of rfmScores");
  });

  it("merges rules that share a name into one segment", () => {
    const segments = rfmSegments(scores, { segments: [{ name: "Edge", codes: ["555"] }, { name: "Edge", codes: ["111"] }] });
    expect(segments.segmentNames).toEqual(["Edge", "Others"]);
    expect(segments.counts).toEqual([2, 0]);
  });
});
