import { invalidInput } from "../errors/invalid-input.js";

// base64url over UTF-8 without Node's Buffer, so cursors work in browsers and edge runtimes too.
function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let bin = "";
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(text: string): string {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new Error("not base64url");
  const bin = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
  const bytes = Uint8Array.from(bin, (c) => c.charCodeAt(0));
  return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
}

/**
 * What a keyset cursor remembers: the collection and order it belongs to and the
 * sort key of the last row returned.
 *
 * @example
 * ```ts
 * import type { CursorPayload } from "crmkit/repository";
 * const p: CursorPayload = { collection: "transactions", orderBy: "occurredAt", after: [1714521600000, "t-9"] };
 * ```
 */
export interface CursorPayload {
  readonly collection: string;
  readonly orderBy: string;
  readonly after: readonly (string | number)[];
}

/**
 * Encodes a keyset cursor as an opaque URL-safe string. Keyset (not offset) cursors
 * are what make pagination neither skip nor repeat rows when rows are inserted
 * while paging.
 *
 * @example
 * ```ts
 * import { encodeCursor, decodeCursor } from "crmkit/repository";
 * const c = encodeCursor({ collection: "deals", orderBy: "id", after: ["d-100"] });
 * decodeCursor(c, "deals", "id").after; // ["d-100"]
 * ```
 */
export function encodeCursor(payload: CursorPayload): string {
  return toBase64Url(JSON.stringify([1, payload.collection, payload.orderBy, payload.after]));
}

/**
 * Decodes a cursor made by {@link encodeCursor}, checking that it belongs to the same
 * collection and order; throws `INVALID_INPUT` for a malformed or foreign cursor.
 *
 * @example
 * ```ts
 * import { decodeCursor } from "crmkit/repository";
 * decodeCursor("not-a-cursor", "deals", "id"); // throws CrmkitError INVALID_INPUT
 * ```
 */
export function decodeCursor(cursor: string, collection: string, orderBy: string): CursorPayload {
  let parsed: unknown;
  try {
    parsed = JSON.parse(fromBase64Url(cursor));
  } catch {
    throw invalidInput(`${collection}.list(query).cursor`, cursor, "a cursor returned by a previous page");
  }
  if (
    !Array.isArray(parsed) ||
    parsed.length !== 4 ||
    parsed[0] !== 1 ||
    !Array.isArray(parsed[3]) ||
    !(parsed[3] as unknown[]).every((v) => typeof v === "string" || (typeof v === "number" && Number.isFinite(v)))
  ) {
    throw invalidInput(`${collection}.list(query).cursor`, cursor, "a cursor returned by a previous page");
  }
  if (parsed[1] !== collection || parsed[2] !== orderBy) {
    throw invalidInput(
      `${collection}.list(query).cursor`,
      cursor,
      `a cursor of ${collection} ordered by ${orderBy} (this one is for ${String(parsed[1])} ordered by ${String(parsed[2])})`,
    );
  }
  // The sort key has the shape sortKeyOf gives: [id] for the id order, [timeMs, id] otherwise.
  const after = parsed[3] as (string | number)[];
  const shaped = orderBy === "id" ? after.length === 1 && typeof after[0] === "string" : after.length === 2 && typeof after[0] === "number" && typeof after[1] === "string";
  if (!shaped) throw invalidInput(`${collection}.list(query).cursor`, cursor, "a cursor returned by a previous page");
  return { collection, orderBy, after };
}
