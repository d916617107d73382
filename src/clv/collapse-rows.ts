const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);

function mix(h: number, v: number): number {
  f64[0] = v === 0 ? 0 : v; // -0 and 0 hash alike
  h = Math.imul(h ^ u32[0]!, 0x9e3779b1);
  h = Math.imul(h ^ u32[1]!, 0x85ebca77);
  return (h ^ (h >>> 15)) >>> 0;
}

/**
 * Collapses duplicate rows of numeric columns into unique rows with summed weights
 * (an open-addressing hash on the columns' bits: linear time, no per-row objects).
 * Internal: the fits run on the collapsed rows, so a million customers with few
 * distinct (x, t_x, T) patterns cost as much as those patterns.
 */
export function collapseRows(cols: readonly Float64Array[], weights: Float64Array | undefined): { cols: Float64Array[]; w: Float64Array; rows: number } {
  const n = cols[0]!.length;
  const k = cols.length;
  let size = 16;
  while (size < 2 * n) size *= 2;
  const mask = size - 1;
  const table = new Int32Array(size).fill(-1);
  const out = cols.map(() => new Float64Array(n));
  const w = new Float64Array(n);
  let rows = 0;
  for (let i = 0; i < n; i++) {
    const wi = weights === undefined ? 1 : weights[i]!;
    if (wi === 0) continue;
    let h = 0x811c9dc5;
    for (let c = 0; c < k; c++) h = mix(h, cols[c]![i]!);
    let slot = h & mask;
    for (;;) {
      const u = table[slot]!;
      if (u === -1) {
        table[slot] = rows;
        for (let c = 0; c < k; c++) out[c]![rows] = cols[c]![i]!;
        w[rows] = wi;
        rows++;
        break;
      }
      let same = true;
      for (let c = 0; c < k; c++) {
        if (out[c]![u] !== cols[c]![i]) {
          same = false;
          break;
        }
      }
      if (same) {
        w[u]! += wi;
        break;
      }
      slot = (slot + 1) & mask;
    }
  }
  return { cols: out.map((c) => c.slice(0, rows)), w: w.slice(0, rows), rows };
}
