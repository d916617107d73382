// Property tests run with one fixed seed, so that a test run (CI's included) is
// reproducible: a failure shows up on every run, not one run in fifty. To explore new
// cases, run `FC_SEED=random npm run test:unit` (or FC_SEED=<number>); a counterexample
// found that way becomes a fixed regression case in the test that found it.
import fc from "fast-check";

const requested = process.env.FC_SEED;
if (requested !== "random") {
  const seed = requested === undefined ? 20_261_206 : Number(requested);
  if (!Number.isSafeInteger(seed)) throw new Error(`FC_SEED must be an integer or "random" (got ${JSON.stringify(requested)})`);
  fc.configureGlobal({ seed });
}
