import { parseCustomer, type Customer, type CustomerInput } from "../../../src/model/customer.js";

/** A valid customer (through the model's parser) with the given fields. */
export function customer(fields: Partial<CustomerInput> & { id: string }): Customer {
  return parseCustomer({ createdAt: "2024-01-01T00:00:00Z", ...fields });
}
