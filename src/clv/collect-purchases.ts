import { invalidInput } from "../errors/invalid-input.js";
import { PurchaseAccumulator, RowBuffer } from "./purchase-accumulator.js";
import type { PeriodClock } from "./purchase-period.js";
import { forEachRow, RowReader, RowStatus, type PurchaseReadOptions, type PurchaseSource } from "./purchase-rows.js";

/** The result of reading a purchase log into per-window accumulators (internal). */
export interface CollectedPurchases {
  readonly ids: string[];
  readonly windows: PurchaseAccumulator[];
  readonly reader: RowReader;
}

class OutOfOrder extends Error {}

/**
 * Reads `source` once, routing each purchase to window `route(ms)` (or, for -1, to
 * a bad row "after the observation end"). Arrays whose rows are out of time order
 * per customer are re-read through a sorted buffer; streams need `order: "any"`.
 */
export async function collectPurchases(
  source: PurchaseSource,
  options: PurchaseReadOptions,
  clock: PeriodClock,
  windowCount: number,
  route: (ms: number) => number,
  endLabel: string,
): Promise<CollectedPurchases> {
  const order = options.order ?? "auto";
  if (order !== "auto" && order !== "any") throw invalidInput("options.order", order, '"auto" or "any"');
  const isArray = Array.isArray(source);
  const attempt = async (buffered: boolean): Promise<CollectedPurchases> => {
    const reader = new RowReader(options);
    const ids: string[] = [];
    const slotOf = new Map<string, number>();
    const windows = Array.from({ length: windowCount }, () => new PurchaseAccumulator());
    const buffers = buffered ? Array.from({ length: windowCount }, () => new RowBuffer()) : [];
    const row = reader.row;
    await forEachRow(source, (input, index) => {
      const status = reader.read(input, index);
      if (status !== RowStatus.Ok) return;
      const w = route(row.ms);
      if (w < 0) {
        reader.bad(index, "at" in (input as object) ? "at" : "occurredAt", new Date(row.ms), `an instant <= ${endLabel}`, "after observation end");
        return;
      }
      let slot = slotOf.get(row.id);
      if (slot === undefined) {
        slot = ids.length;
        slotOf.set(row.id, slot);
        ids.push(row.id);
        if (!buffered) for (const acc of windows) if (acc.capacity <= slot) acc.ensure(slot + 1);
      }
      reader.purchases++;
      if (buffered) {
        buffers[w]!.push(slot, row.ms, row.amount);
        return;
      }
      if (!windows[w]!.add(slot, row.ms, clock.index(row.ms), row.amount)) {
        if (isArray) throw new OutOfOrder();
        throw invalidInput(
          `rows[${index}].at`,
          new Date(row.ms),
          `rows of customer "${row.id}" in time order (this one falls between their earlier purchases); sort the stream by time, or pass order: "any" to buffer it`,
          { row: index, customerId: row.id },
        );
      }
    });
    if (buffered) {
      for (let w = 0; w < windowCount; w++) {
        const acc = windows[w]!;
        acc.ensure(ids.length);
        buffers[w]!.replay(ids.length, (slot, ms, amount) => {
          acc.add(slot, ms, clock.index(ms), amount);
        });
      }
    }
    for (const acc of windows) acc.ensure(ids.length);
    return { ids, windows, reader };
  };
  if (order === "any") return attempt(true);
  try {
    return await attempt(false);
  } catch (e) {
    if (e instanceof OutOfOrder) return attempt(true);
    throw e;
  }
}
