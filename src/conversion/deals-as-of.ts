import type { ConversionDeal } from "./records.js";
import { consume, type ConversionInput } from "./input.js";
import { checkDeal } from "./validate.js";

/**
 * Consumes deals as they stood at `asOf`: each deal is checked, those created
 * after `asOf` are skipped, those not closed by `asOf` are counted as open, and
 * each closed one goes to `onClosed` with its creation and close times; returns
 * `finish(open)` (synchronously for an iterable, as a promise for an async one).
 */
export function consumeDealsAsOf<R>(
  deals: ConversionInput<ConversionDeal>,
  asOf: number,
  onClosed: (deal: ConversionDeal, index: number, created: number, closed: number) => void,
  finish: (open: number) => R,
): R | Promise<R> {
  let open = 0;
  return consume(
    deals,
    (deal, i) => {
      const { created, closed } = checkDeal(deal, i);
      if (created > asOf) return;
      if (closed === undefined || closed > asOf) {
        open++;
        return;
      }
      onClosed(deal, i, created, closed);
    },
    () => finish(open),
  );
}
