"use client";
/** Export what is on screen as CSV or JSON lines (the same column names as the headless export). */
import { useId, useState } from "react";
import { download, type Row, toCsv, toJsonLines } from "../lib/export";

export interface ExportSource {
  id: string;
  label: string;
  rows: () => Row[];
}

export function ExportMenu({ sources, filePrefix }: { sources: ExportSource[]; filePrefix: string }) {
  const [choice, setChoice] = useState(sources[0]?.id ?? "");
  const [note, setNote] = useState<string | null>(null);
  const selectId = useId();
  const run = (format: "csv" | "jsonl") => {
    const src = sources.find((s) => s.id === choice);
    if (!src) return;
    const rows = src.rows();
    const stamp = new Date().toISOString().replace(/[:.]/g, "-").slice(0, 19);
    const name = `${filePrefix}-${src.id}-${stamp}.${format}`;
    if (format === "csv") download(name, toCsv(rows), "text/csv;charset=utf-8");
    else download(name, toJsonLines(rows), "application/x-ndjson");
    setNote(`${rows.length} rows saved as ${name}`);
  };
  return (
    <section className="card" aria-labelledby={`${selectId}-h`}>
      <div className="card-head">
        <h2 id={`${selectId}-h`}>Export</h2>
      </div>
      <div className="btn-row">
        <label htmlFor={selectId} className="sr-only">
          What to export
        </label>
        <select
          id={selectId}
          className="btn"
          value={choice}
          onChange={(e) => setChoice(e.currentTarget.value)}
          data-testid="export-choice"
        >
          {sources.map((s) => (
            <option key={s.id} value={s.id}>
              {s.label}
            </option>
          ))}
        </select>
        <button type="button" className="btn" onClick={() => run("csv")} data-testid="export-csv">
          CSV
        </button>
        <button type="button" className="btn" onClick={() => run("jsonl")} data-testid="export-jsonl">
          JSON lines
        </button>
      </div>
      <p className="muted small" role="status">
        {note ?? "Exports the data on screen now, as the server computed it."}
      </p>
    </section>
  );
}
