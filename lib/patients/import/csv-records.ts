import { once } from "node:events";
import { parse } from "csv-parse";
import type { CsvEncoding } from "./detect";

export type CsvRecord = { line: number; record: string[] };

// Longer than any real row: a file with an unclosed quote cannot swallow memory.
const MAX_RECORD_BYTES = 64 * 1024;

// The records of a CSV as they stream in, each with its line in the file, decoded from the
// file's encoding; memory stays flat whatever the file's size (the parser holds one record).
export async function* csvRecords(
  source: AsyncIterable<Buffer | Uint8Array | string> | Iterable<Uint8Array | string>,
  encoding: CsvEncoding,
  delimiter: string,
): AsyncGenerator<CsvRecord> {
  const parser = parse({
    delimiter,
    bom: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    trim: true,
    info: true,
    max_record_size: MAX_RECORD_BYTES,
  });
  const feed = (async () => {
    const decoder = new TextDecoder(encoding);
    for await (const chunk of source) {
      const text = typeof chunk === "string" ? chunk : decoder.decode(chunk, { stream: true });
      if (!parser.write(text)) await once(parser, "drain");
    }
    parser.end(decoder.decode());
  })().catch((error: unknown) => parser.destroy(error as Error));
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>)
      yield { line: info.lines, record };
    await feed;
  } finally {
    // A reader that stops early (the preview) leaves nothing waiting on the parser.
    parser.destroy();
  }
}
