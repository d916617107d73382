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
