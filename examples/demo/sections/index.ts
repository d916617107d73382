import type { DemoSection } from "../context.js";
import { section as clv } from "./clv.js";
import { section as conversion } from "./conversion.js";
import { section as nps } from "./nps.js";
import { section as retention } from "./retention.js";
import { section as segmentation } from "./segmentation.js";
import { section as stages } from "./stages.js";
import { section as store } from "./store.js";

/**
 * The sections of the tour, in order. Each module adds one line here (and its file
 * `sections/<module>.ts` exporting `section`).
 */
export const sections: readonly DemoSection[] = [
  store,
  clv,
  retention,
  segmentation,
  nps,
  conversion,
  stages,
];
