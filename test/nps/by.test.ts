import { describe, expect, it } from "vitest";
import { compareNps, npsBy, npsFromCounts } from "../../src/nps/index.js";
import { response, stream } from "./helpers.js";
import { expectError } from "../support/expect-error.js";

let id = 0;
function group(region: string | undefined, promoters: number, passives: number, detractors: number, customer?: string) {
  const out = [];
  for (const [score, count] of [[10, promoters], [8, passives], [2, detractors]] as const) {
    for (let i = 0; i < count; i++) {
      out.push(response(`r${id++}`, score, "2024-05-01T00:00:00Z", { attributes: region === undefined ? {} : { region }, ...(customer ? { customerId: customer } : {}) }));
    }
  }
  return out;
}

const data = [...group("north", 60, 20, 20), ...group("south", 30, 30, 40), ...group("west", 5, 3, 2), ...group(undefined, 1, 0, 1)];
const regionOf = (r: { attributes: Record<string, unknown> }) => r.attributes.region as string | undefined;

describe("npsBy", () => {
  it("scores each segment, sorted by NPS, with the overall score and unassigned count", () => {
    const result = npsBy(data, regionOf);
    expect(result.segments.map((s) => [s.key, s.score.nps, s.score.n])).toEqual([
      ["north", 40, 100],
      ["west", 30, 10],
      ["south", -10, 100],
    ]);
    expect(result.overall).toEqual(npsFromCounts({ promoters: 96, passives: 53, detractors: 63 }));
    expect(result.unassigned).toBe(2);
  });

  it("compares each segment with all other responses, unassigned included", () => {
    const result = npsBy(data, regionOf);
    const north = result.segments[0]!;
    // rest = south + west + unassigned = 36 promoters, 33 passives, 43 detractors
    expect(north.vsRest).toEqual(compareNps(npsFromCounts({ promoters: 60, passives: 20, detractors: 20 }), { promoters: 36, passives: 33, detractors: 43 }, { labels: ["north", "the rest"] }));
    expect(north.vsRest!.significant).toBe(true);
  });

  it("adjusts the p-values for the number of segments (Holm)", () => {
    const result = npsBy(data, regionOf);
    const raw = result.segments.map((s) => s.vsRest!.pValue);
    const sorted = [...raw].sort((a, b) => a - b);
    const m = raw.length;
    const holm: number[] = [];
    sorted.forEach((p, k) => holm.push(Math.max(holm[k - 1] ?? 0, Math.min(1, (m - k) * p))));
    for (const s of result.segments) {
      const k = sorted.indexOf(s.vsRest!.pValue);
      expect(s.adjustedPValue).toBeCloseTo(holm[k]!, 12);
      expect(s.adjustedPValue!).toBeGreaterThanOrEqual(s.vsRest!.pValue);
      expect(s.significantAfterAdjustment).toBe(s.adjustedPValue! < 0.05);
    }
    expect(result.segments.find((s) => s.key === "west")!.significantAfterAdjustment).toBe(false);
  });

  it("sorts by n or key on request", () => {
    expect(npsBy(data, regionOf, { sortBy: "n" }).segments.map((s) => s.key)).toEqual(["north", "south", "west"]);
    expect(npsBy(data, regionOf, { sortBy: "key" }).segments.map((s) => s.key)).toEqual(["north", "south", "west"].sort());
  });

  it("a single segment covering everything has no rest to compare with", () => {
    const result = npsBy(group("only", 3, 1, 1), () => "all");
    expect(result.segments).toHaveLength(1);
    expect(result.segments[0]!.vsRest).toBeNull();
    expect(result.segments[0]!.adjustedPValue).toBeNull();
    expect(result.segments[0]!.significantAfterAdjustment).toBe(false);
  });

  it("applies from/to and latestPerCustomer before segmenting", () => {
    const repeat = [
      response("a1", 0, "2024-01-01T00:00:00Z", { customerId: "a", channel: "email" }),
      response("a2", 10, "2024-02-01T00:00:00Z", { customerId: "a", channel: "email" }),
      response("b1", 9, "2024-01-01T00:00:00Z", { customerId: "b", channel: "chat" }),
    ];
    const latest = npsBy(repeat, (r) => r.channel, { latestPerCustomer: true });
    expect(latest.segments.map((s) => [s.key, s.score.n, s.score.nps])).toEqual([
      ["chat", 1, 100],
      ["email", 1, 100],
    ]);
    const january = npsBy(repeat, (r) => r.channel, { to: new Date("2024-02-01T00:00:00Z") });
    expect(january.segments.map((s) => [s.key, s.score.nps])).toEqual([
      ["chat", 100],
      ["email", -100],
    ]);
  });

  it("accepts async streams", async () => {
    const result = await npsBy(stream(data), regionOf);
    expect(result.segments.map((s) => s.key)).toEqual(["north", "west", "south"]);
  });

  it("treats __proto__ and friends as ordinary keys", () => {
    const result = npsBy(group("x", 1, 0, 0), () => "__proto__");
    expect(result.segments[0]!.key).toBe("__proto__");
  });

  it("rejects bad input", () => {
    const bad = expectError;
    bad(() => npsBy(data, "region" as unknown as () => string), "INVALID_INPUT", /^keyOf: expected a function/);
    bad(() => npsBy(data, () => 5 as unknown as string), "INVALID_INPUT", /^keyOf\(responses\[0\]\): expected a string segment key, null or undefined, got 5/);
    bad(() => npsBy(data, regionOf, { sortBy: "score" as "nps" }), "INVALID_INPUT", /^options\.sortBy/);
    bad(() => npsBy([], regionOf), "INSUFFICIENT_DATA", /^responses: no responses; npsBy needs at least one/);
    bad(() => npsBy([9] as unknown as [], regionOf), "INVALID_INPUT", /^responses\[0\]: expected a SurveyResponse record/);
  });
});
