import { describe, expect, it } from "vitest";
import type { SurveyResponse } from "../../src/model/index.js";
import { ALL_RESPONSES, parseSelection, ResponseWalker, scoreField, type ScoreSink } from "../../src/nps/survey-input.js";
import { response, stream } from "./helpers.js";
import { isAsyncSource } from "../../src/model/row-source.js";

class Recorder implements ScoreSink {
  readonly seen: [number, number, string | undefined, number][] = [];
  constructor(readonly needsTime = false) {}
  add(score: number, index: number, record: SurveyResponse | undefined, time: number): void {
    this.seen.push([score, index, record?.id, time]);
  }
}

describe("ResponseWalker", () => {
  it("feeds plain scores with their index, from arrays, typed arrays and iterables", () => {
    for (const input of [[3, 9], Uint8Array.from([3, 9]), new Set([3, 9])]) {
      const sink = new Recorder();
      new ResponseWalker("xs", "nps", ALL_RESPONSES, sink).walk(input);
      expect(sink.seen.map(([s, i]) => [s, i])).toEqual([
        [3, 0],
        [9, 1],
      ]);
    }
  });

  it("reads respondedAt only when a time is needed", () => {
    const r = response("a", 9, "2024-01-02T00:00:00Z");
    const lazy = new Recorder(false);
    new ResponseWalker("xs", "nps", ALL_RESPONSES, lazy).walk([r]);
    expect(Number.isNaN(lazy.seen[0]![3])).toBe(true);
    const timed = new Recorder(true);
    new ResponseWalker("xs", "nps", ALL_RESPONSES, timed).walk([r]);
    expect(timed.seen[0]![3]).toBe(Date.parse("2024-01-02T00:00:00Z"));
  });

  it("keeps the latest per customer, ties to the later input, anonymous always", async () => {
    const data = [
      response("a1", 1, "2024-01-02T00:00:00Z", { customerId: "a" }),
      response("a2", 2, "2024-01-01T00:00:00Z", { customerId: "a" }),
      response("x", 3, "2024-01-01T00:00:00Z"),
      response("b1", 4, "2024-01-01T00:00:00Z", { customerId: "b" }),
      response("b2", 5, "2024-01-01T00:00:00Z", { customerId: "b" }),
    ];
    const selection = parseSelection({ latestPerCustomer: true }, "options");
    const sink = new Recorder();
    new ResponseWalker("xs", "nps", selection, sink).walk(data);
    expect(sink.seen.map((s) => s[2]).sort()).toEqual(["a1", "b2", "x"]);
    const asyncSink = new Recorder();
    await new ResponseWalker("xs", "nps", selection, asyncSink).walkAsync(stream(data));
    expect(asyncSink.seen.map((s) => s[2]).sort()).toEqual(["a1", "b2", "x"]);
  });

  it("parses selections", () => {
    expect(parseSelection({}, "o")).toEqual(ALL_RESPONSES);
    const s = parseSelection({ from: new Date(5), to: new Date(10) }, "o");
    expect([s.from, s.to, s.latest, s.active]).toEqual([5, 10, false, true]);
    expect(() => parseSelection({ from: new Date(10), to: new Date(10) }, "o")).toThrow(/^o\.to: expected an instant after options\.from/);
    expect(() => parseSelection({ to: "2024-01-01" as unknown as Date }, "o")).toThrow(/^o\.to: expected a valid Date/);
  });

  it("recognises async inputs and names score fields", () => {
    expect(isAsyncSource(stream([]))).toBe(true);
    expect(isAsyncSource([1])).toBe(false);
    expect(isAsyncSource(null)).toBe(false);
    expect(scoreField("xs", 3, undefined)).toBe("xs[3]");
    expect(scoreField("xs", 3, response("a", 1, "2024-01-01T00:00:00Z"))).toBe("xs[3].score");
  });
});
