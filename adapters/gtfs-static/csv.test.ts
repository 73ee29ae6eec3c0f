import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type CsvRow, CsvTokenizer } from "./csv";

/** Tokenizes `text` fed in pieces at the given cut points. */
function rows(text: string | Buffer, cuts: number[] = []): string[][] {
  const bytes = typeof text === "string" ? Buffer.from(text) : text;
  const out: string[][] = [];
  const t = new CsvTokenizer((r) => out.push(r.texts()));
  let at = 0;
  for (const c of [...cuts.filter((c) => c > 0 && c < bytes.length).sort((a, b) => a - b), bytes.length]) {
    t.push(bytes.subarray(at, c));
    at = c;
  }
  t.end();
  return out;
}

/** Writes a field the way RFC 4180 says: quoted when it holds a comma, quote or newline. */
const quote = (f: string) => (/[",\r\n]/.test(f) ? `"${f.replaceAll('"', '""')}"` : f);

describe("CsvTokenizer", () => {
  it("splits plain rows, LF and CRLF, with or without a final newline, skipping blank lines", () => {
    expect(rows("a,b,c\n1,2,3\n")).toEqual([
      ["a", "b", "c"],
      ["1", "2", "3"],
    ]);
    expect(rows("a,b\r\n1,2\r\n\r\n3,4")).toEqual([
      ["a", "b"],
      ["1", "2"],
      ["3", "4"],
    ]);
    expect(rows("a,,c,\n")).toEqual([["a", "", "c", ""]]);
  });

  it("handles quotes: commas, escaped quotes and newlines inside, and empty quoted fields", () => {
    const text = 'id,desc,x\n1,"Trains, at ""all"" times",z\n2,"two\nlines",""\n';
    expect(rows(text)).toEqual([
      ["id", "desc", "x"],
      ["1", 'Trains, at "all" times', "z"],
      ["2", "two\nlines", ""],
    ]);
  });

  it("strips a UTF-8 BOM and reports line numbers and byte offsets", () => {
    const seen: [string, number, number][] = [];
    const t = new CsvTokenizer((r: CsvRow) => seen.push([r.text(0), r.line, r.offset]));
    t.push(Buffer.from('\uFEFFh\n"a\nb"\nc\n'));
    t.end();
    expect(seen).toEqual([
      ["h", 1, 3],
      ["a\nb", 2, 5],
      ["c", 4, 11],
    ]);
  });

  it("gives the same rows however the input is cut into chunks (property)", () => {
    const field = fc.string({ unit: fc.constantFrom("a", "b", ",", '"', "\n", "\r\n", " ", "é") });
    const table = fc.array(fc.array(field, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(table, fc.array(fc.nat(200)), (tbl, cuts) => {
        // A row of one empty field is a blank line, which CSV cannot tell apart: avoid it.
        const text = tbl.map((r) => r.map(quote).join(",")).join("\r\n");
        expect(rows(Buffer.from(text), cuts)).toEqual(tbl);
      }),
      { numRuns: 300 },
    );
  });

  it("reads GTFS times and integers from the bytes", () => {
    const got: number[][] = [];
    const t = new CsvTokenizer((r) => got.push([r.time(0), r.time(1), r.uint(2)]));
    t.push(Buffer.from("00:06:00,25:01:30,17\n5:06:09,,\n24:00:00,12:61:00,x1\n"));
    t.end();
    expect(got[0]).toEqual([360, 25 * 3600 + 90, 17]);
    expect(got[1]).toEqual([5 * 3600 + 369, -1, Number.NaN]);
    expect(got[2][0]).toBe(86400);
    expect(got[2][1]).toBeNaN();
    expect(got[2][2]).toBeNaN();
  });
});
