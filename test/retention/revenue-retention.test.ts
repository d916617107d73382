import { describe, expect, it } from "vitest";
import { isCrmkitError } from "../../src/errors/index.js";
import { revenueRetention } from "../../src/retention/index.js";
import { book } from "./subscription-book.js";

const d = (s: string) => new Date(s);

describe("revenueRetention", () => {
  it("compares each starting customer's MRR at the end with the start (hand-computed)", async () => {
    const [eur, usdResult] = await revenueRetention(book, { from: d("2024-01-01T00:00:00Z"), to: d("2024-05-01T00:00:00Z") });
    // Cohort at Jan 1: A 100, C 80, D 70, G 100. At May 1: A 150, C 60 (came back), D 40, G 100.
    expect(usdResult).toEqual({
      currency: "USD",
      startingMrr: 350,
      endingMrr: 350,
      expansion: 50,
      contraction: 50,
      churned: 0,
      grossRevenueRetention: 300 / 350,
      netRevenueRetention: 1,
      startingCustomers: 4,
      retainedCustomers: 4,
      customerRetention: 1,
    });
    expect(eur).toMatchObject({ currency: "EUR", startingMrr: 10, endingMrr: 10, netRevenueRetention: 1 });
    const feb = await revenueRetention(book, { from: d("2024-02-01T00:00:00Z"), to: d("2024-03-15T00:00:00Z") });
    // Cohort at Feb 1: A 100, B 50, D 70, G 100 (C had left). At Mar 15: A 150, B 0, D 70, G 200.
    expect(feb[1]).toMatchObject({ startingMrr: 320, endingMrr: 420, churned: 50, expansion: 150, contraction: 0, retainedCustomers: 3, startingCustomers: 4 });
    expect(feb[1]!.grossRevenueRetention).toBeCloseTo(270 / 320, 15);
  });

  it("rejects bad windows and empty input", async () => {
    await expect(revenueRetention(book, { from: d("2024-02-01T00:00:00Z"), to: d("2024-02-01T00:00:00Z") })).rejects.toSatisfy((e: unknown) => isCrmkitError(e, "INVALID_INPUT") && (e as Error).message.includes("options.to"));
    await expect(revenueRetention([], { from: d("2024-01-01T00:00:00Z"), to: d("2024-02-01T00:00:00Z") })).rejects.toSatisfy((e: unknown) => isCrmkitError(e, "INSUFFICIENT_DATA"));
    await expect(revenueRetention(book, { from: d("x"), to: d("2024-02-01T00:00:00Z") })).rejects.toSatisfy((e: unknown) => isCrmkitError(e, "INVALID_INPUT") && (e as Error).message.includes("options.from"));
  });
});
