/**
 * crmkit's shared numerics: special functions (log-gamma, digamma, beta,
 * incomplete gamma and beta, erf), distributions (normal, chi-square, Student t),
 * stable log-space arithmetic, quantiles, proportion intervals and tests, the
 * L-BFGS and Nelder–Mead optimisers, numeric derivatives and small dense linear
 * algebra. Every function is pure, works on plain numbers or typed arrays and
 * throws `CrmkitError` `INVALID_INPUT` on arguments outside its domain.
 *
 * @module math
 */
export { quantile, quantileSorted, quantiles } from "./quantile.js";
export { erf, erfc } from "./erf.js";
export { normalCdf, normalLogCdf, normalLogPdf, normalLogSf, normalPdf, normalQuantile, normalSf } from "./normal.js";
export { log1mExp, log1pExp, logAddExp, logSubExp, logSumExp } from "./log-sum-exp.js";
export { digamma, lgamma, trigamma } from "./gamma.js";
export { betaFn, logBeta } from "./beta.js";
export { log1pmx } from "./log1pmx.js";
export { regularizedGammaP, regularizedGammaQ } from "./incomplete-gamma.js";
export { betaQuantile, regularizedIncompleteBeta } from "./incomplete-beta.js";
export { chiSquareCdf, chiSquareQuantile, chiSquareSf } from "./chi-square.js";
export { studentTCdf, studentTQuantile } from "./student-t.js";
export { proportionInterval } from "./proportion-interval.js";
export type { ProportionInterval, ProportionIntervalMethod, ProportionIntervalOptions } from "./proportion-interval.js";
export { fisherExactTest } from "./fisher-exact.js";
export type { FisherExactOptions, FisherExactResult } from "./fisher-exact.js";
export { twoProportionZTest } from "./two-proportion-test.js";
export type { TwoProportionZTestOptions, TwoProportionZTestResult } from "./two-proportion-test.js";
export { minimize, nelderMead } from "./optimize.js";
export type { MinimizeOptions, MinimizeReason, MinimizeResult, NelderMeadOptions } from "./optimize.js";
export { numericGradient, numericHessian } from "./hessian.js";
export { cholesky, choleskySolve, invertSymmetricPositiveDefinite, solveLinear } from "./linear-algebra.js";
