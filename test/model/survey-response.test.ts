import { describe, expect, it } from "vitest";
import { DEFAULT_SURVEY_SCALES, parseSurveyResponse } from "../../src/model/index.js";
import { expectInvalid, expectUnknownKeyRejected } from "../support/expect-invalid.js";

const valid = {
  id: "r-1",
  customerId: "c-1",
  kind: "nps",
  score: 9,
  respondedAt: "2024-05-10T12:00:00+02:00",
  comment: "Great support",
};

describe("parseSurveyResponse", () => {
  it("parses a valid NPS response; the timestamp becomes the same instant as a Date", () => {
    const r = parseSurveyResponse(valid);
    expect(r.respondedAt).toBeInstanceOf(Date);
    expect(r.respondedAt.toISOString()).toBe("2024-05-10T10:00:00.000Z");
    expect(r.attributes).toEqual({});
  });

  it("accepts the ends of every default scale and rejects one step outside", () => {
    for (const kind of ["nps", "csat", "ces"] as const) {
      const { min, max } = DEFAULT_SURVEY_SCALES[kind];
      expect(parseSurveyResponse({ ...valid, kind, score: min }).score).toBe(min);
      expect(parseSurveyResponse({ ...valid, kind, score: max }).score).toBe(max);
      expectInvalid(() => parseSurveyResponse({ ...valid, kind, score: min - 1 }), "score");
      expectInvalid(() => parseSurveyResponse({ ...valid, kind, score: max + 1 }), "score");
    }
    expect(DEFAULT_SURVEY_SCALES).toEqual({ nps: { min: 0, max: 10 }, csat: { min: 1, max: 5 }, ces: { min: 1, max: 7 } });
  });

  it("rejects fractional scores", () => {
    expectInvalid(() => parseSurveyResponse({ ...valid, score: 8.5 }), "score");
  });

  it("lets CSAT and CES declare another scale, and checks the score against it", () => {
    expect(parseSurveyResponse({ ...valid, kind: "csat", scale: { min: 0, max: 10 }, score: 10 }).score).toBe(10);
    expectInvalid(() => parseSurveyResponse({ ...valid, kind: "ces", scale: { min: 1, max: 5 }, score: 6 }), "score");
    expectInvalid(() => parseSurveyResponse({ ...valid, kind: "csat", scale: { min: 5, max: 5 }, score: 5 }), "scale");
  });

  it("fixes NPS to 0-10: another scale is rejected", () => {
    expectInvalid(() => parseSurveyResponse({ ...valid, scale: { min: 1, max: 10 } }), "scale");
    expect(parseSurveyResponse({ ...valid, scale: { min: 0, max: 10 } }).scale).toEqual({ min: 0, max: 10 });
  });

  it("allows anonymous responses (no customerId)", () => {
    const { customerId: _, ...anonymous } = valid;
    expect(parseSurveyResponse(anonymous).customerId).toBeUndefined();
  });

  it("links a transactional survey to the ticket it rates", () => {
    const r = parseSurveyResponse({ id: "r-2", customerId: "c-1", kind: "csat", score: 4, respondedAt: "2024-05-11T09:00:00Z", ticketId: "t-9", surveyId: "csat-support", channel: "chat" });
    expect(r.ticketId).toBe("t-9");
    expectInvalid(() => parseSurveyResponse({ ...valid, ticketId: "" }), "ticketId");
  });

  it("rejects an unknown kind, a bad channel, a missing timestamp and unknown keys", () => {
    expectInvalid(() => parseSurveyResponse({ ...valid, kind: "ces2" }), "kind");
    expectInvalid(() => parseSurveyResponse({ ...valid, channel: "pigeon" }), "channel");
    const { respondedAt: _, ...noTime } = valid;
    expectInvalid(() => parseSurveyResponse(noTime), "respondedAt");
    expectUnknownKeyRejected(() => parseSurveyResponse({ ...valid, rating: 5 }), "rating");
  });
});
