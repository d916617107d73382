import { readSharedText } from "./shared-data.js";

/** One row of CDNOW_sample.txt / CDNOW_master.txt. */
export interface CdnowRow {
  customerId: string;
  at: Date;
  amount: number;
}

/** Reads a CDNOW transaction log (sample: id in column 2; master: column 1, header line). */
export function readCdnowTransactions(file: "CDNOW_sample.txt" | "CDNOW_master.txt"): CdnowRow[] {
  const text = readSharedText(file);
  const rows: CdnowRow[] = [];
  for (const line of text.split(/\r?\n/)) {
    const f = line.trim().split(/\s+/);
    if (f.length < 4 || !/^\d{8}$/.test(file === "CDNOW_sample.txt" ? f[2]! : f[1]!)) continue;
    const [id, date, amount] = file === "CDNOW_sample.txt" ? [f[1]!, f[2]!, f[4]!] : [f[0]!, f[1]!, f[3]!];
    rows.push({ customerId: id, at: new Date(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(4, 6)) - 1, Number(date.slice(6, 8)))), amount: Number(amount) });
  }
  return rows;
}

/** The CDNOW calibration summary (weeks): cdnow_customers_summary_with_transactions.csv. */
export interface CdnowSummary {
  id: number[];
  x: Float64Array;
  tx: Float64Array;
  T: Float64Array;
  zbar: Float64Array;
}

export function readCdnowSummary(): CdnowSummary {
  const text = readSharedText("cdnow_customers_summary_with_transactions.csv");
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== "");
  const body = lines.slice(1).map((l) => l.split(",").map(Number));
  return {
    id: body.map((r) => r[0]!),
    x: Float64Array.from(body, (r) => r[1]!),
    tx: Float64Array.from(body, (r) => r[2]!),
    T: Float64Array.from(body, (r) => r[3]!),
    zbar: Float64Array.from(body, (r) => r[4]!),
  };
}

/** cdnow_customers_summary.csv (ID, frequency, recency, T). */
export function readCdnowCustomersSummary(): { id: number[]; frequency: Float64Array; recency: Float64Array; T: Float64Array } {
  const text = readSharedText("cdnow_customers_summary.csv");
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== "");
  const body = lines.slice(1).map((l) => l.split(",").map(Number));
  return {
    id: body.map((r) => r[0]!),
    frequency: Float64Array.from(body, (r) => r[1]!),
    recency: Float64Array.from(body, (r) => r[2]!),
    T: Float64Array.from(body, (r) => r[3]!),
  };
}

/** donations.csv: frequency, recency, periods, weights (BG/BB, FHS 2010). */
export function readDonations(): { frequency: number[]; recency: number[]; T: number[]; weights: number[] } {
  const text = readSharedText("donations.csv");
  const body = text
    .split(/\r?\n/)
    .filter((l) => l.trim() !== "")
    .slice(1)
    .map((l) => l.split(",").map(Number));
  return { frequency: body.map((r) => r[0]!), recency: body.map((r) => r[1]!), T: body.map((r) => r[2]!), weights: body.map((r) => r[3]!) };
}
