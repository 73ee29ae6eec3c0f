import { statusStyle } from "../lib/status-style";

export function StatusWord({ status }: { status: string }) {
  const s = statusStyle(status);
  return (
    <span className={`status-word ${s.cls}`}>
      <span className="mark" aria-hidden="true">
        {s.mark}
      </span>
      {status}
    </span>
  );
}
