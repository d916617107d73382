/**
 * Placeholder: this module is being built (see the open issues).
 *
 * @module segmentation
 */
export {};
