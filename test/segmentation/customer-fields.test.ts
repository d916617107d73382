import { describe, expect, it } from "vitest";
import { CONTACT_CHANNELS } from "../../src/model/channels.js";
import type { Customer } from "../../src/model/customer.js";
import { compileSegment } from "../../src/segmentation/compile-segment.js";
import { CUSTOMER_FIELDS } from "../../src/segmentation/customer-fields.js";
import { customer } from "./support/customers.js";

const everything = customer({
  id: "c-1",
  firstName: "Ada",
  lastName: "Lovelace",
  displayName: "Ada L.",
  jobTitle: "Analyst",
  emails: [{ address: "ada@example.com" }],
  phones: [{ number: "+44 20 7946 0000" }],
  accountId: "acc-1",
  ownerId: "u-1",
  createdAt: "2024-01-01T00:00:00Z",
  updatedAt: "2024-02-01T00:00:00Z",
  acquisitionSource: "referral",
  lifecycleStage: "customer",
  lifecycleHistory: [{ stage: "customer", enteredAt: "2024-01-01T00:00:00Z" }],
  location: { country: "GB", region: "England", city: "London", postalCode: "N1", coordinates: { latitude: 51.5, longitude: -0.12 } },
  birthDate: "1990-12-10",
  tags: ["vip"],
  consent: Object.fromEntries(CONTACT_CHANNELS.map((c) => [c, { status: "granted", updatedAt: "2024-01-02T00:00:00Z" }])),
});

// an unvalidated record with nothing but an id (as a host might pass straight from its database)
const bare = { id: "bare", emails: [], phones: [], lifecycleHistory: [], tags: [], attributes: {}, consent: {} } as unknown as Customer;

describe("CUSTOMER_FIELDS", () => {
  it("lists paths that exist on the Customer schema: every one is present on a fully populated customer", () => {
    for (const f of CUSTOMER_FIELDS) {
      const present = compileSegment({ id: "x", where: { field: f.path, op: "exists" } });
      expect(present(everything), f.path).toBe(true);
      expect(present(bare), f.path).toBe(f.path === "id");
    }
  });

  it("has unique paths and is frozen", () => {
    expect(new Set(CUSTOMER_FIELDS.map((f) => f.path)).size).toBe(CUSTOMER_FIELDS.length);
    expect(Object.isFrozen(CUSTOMER_FIELDS)).toBe(true);
  });
});
