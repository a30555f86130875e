// How a clinic's CSV is written, read off its first bytes: French exports are often
// Windows-1252 with ";" between fields, others UTF-8 (with or without a BOM) with ",".

export type CsvEncoding = "utf-8" | "windows-1252";

export function detectEncoding(head: Uint8Array): CsvEncoding {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return "utf-8";
  try {
    // Streaming, so a character cut at the end of the sample is not mistaken for an error.
    new TextDecoder("utf-8", { fatal: true }).decode(head, { stream: true });
    return "utf-8";
  } catch {
    return "windows-1252";
  }
}

const CANDIDATES = [";", ",", "\t", "|"] as const;

// The separator that occurs most often in the header line, outside quotes; "," if none does.
export function detectDelimiter(firstLine: string): string {
  const counts = new Map<string, number>(CANDIDATES.map((c) => [c, 0]));
  let quoted = false;
  for (const ch of firstLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  const [best, count] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0];
  return count > 0 ? best : ",";
}
