import { describe, expect, it } from "vitest";
import { createMemoryStore } from "../../../src/repository/index.js";
import { createDemoContext, formatCell, formatTable } from "../../../examples/demo/context.js";

describe("demo context", () => {
  it("formats cells: thousands separators, at most three decimals, ISO dates, dashes for absent values", () => {
    expect(formatCell(1234567)).toBe("1,234,567");
    expect(formatCell(0.123456)).toBe("0.123");
    expect(formatCell(new Date("2024-05-01T00:00:00Z"))).toBe("2024-05-01");
    expect(formatCell(new Date("2024-05-01T10:30:00Z"))).toBe("2024-05-01 10:30Z");
    expect(formatCell(undefined)).toBe("–");
    expect(formatCell(["a", 2])).toBe("a, 2");
  });

  it("aligns tables: numbers right, text left, a rule under the header", () => {
    const lines = formatTable([
      { source: "referral", leads: 926, rate: 0.2591 },
      { source: "website", leads: 1470, rate: 0.2 },
    ]);
    expect(lines).toEqual([
      "source    leads   rate",
      "────────  ─────  ─────",
      "referral    926  0.259",
      "website   1,470    0.2",
    ]);
    expect(formatTable([])).toEqual(["(no rows)"]);
  });

  it("writes headings, indented lines and tables to the given sink", () => {
    const out: string[] = [];
    const ctx = createDemoContext(createMemoryStore().forTenant("t"), new Date("2025-01-01T00:00:00Z"), (l) => out.push(l));
    ctx.heading("Title");
    ctx.log("a", "b");
    ctx.table([{ x: 1 }]);
    expect(out[0]).toBe("");
    expect(out[1]).toMatch(/^━━ Title ━+$/);
    expect(out.slice(2)).toEqual(["  a", "  b", "  x", "  ─", "  1"]);
  });
});
