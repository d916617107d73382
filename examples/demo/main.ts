// The tour of crmkit: `npm run demo`. Sections are added as modules land.
import { createMemoryStore } from "crmkit/repository";

const store = createMemoryStore().forTenant("demo");
await store.customers.upsert({ id: "c-1", createdAt: "2024-01-15T10:00:00Z", firstName: "Ada" });
console.log(`crmkit demo: ${await store.customers.count()} customer in the memory store`);
