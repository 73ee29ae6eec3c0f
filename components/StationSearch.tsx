"use client";
/** Keyboard way to a station (the map's dots need a mouse): type a name, pick, go. */
import { useRouter } from "next/navigation";
import { type FormEvent, useId, useState } from "react";
import type { NetworkIndex } from "../lib/network";

export function StationSearch({ network }: { network: NetworkIndex | null }) {
  const router = useRouter();
  const id = useId();
  const [text, setText] = useState("");
  const [error, setError] = useState<string | null>(null);
  const stations = network?.view.stations ?? [];
  const label = (s: (typeof stations)[number]) => `${s.name} (${s.routes.join(" ")})`;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const q = text.trim().toLowerCase();
    const hit =
      stations.find((s) => label(s).toLowerCase() === q) ??
      stations.find((s) => s.name.toLowerCase() === q) ??
      stations.find((s) => s.name.toLowerCase().includes(q));
    if (hit) router.push(`/station/${encodeURIComponent(hit.id)}`);
    else setError("No station by that name");
  };
  return (
    <form className="btn-row" onSubmit={submit} aria-label="Find a station">
      <label htmlFor={id} className="small muted">
        Station
      </label>
      <input
        id={id}
        list={`${id}-list`}
        className="btn"
        style={{ flex: 1, minWidth: 140 }}
        value={text}
        placeholder="e.g. Times Sq"
        onChange={(e) => {
          setText(e.currentTarget.value);
          setError(null);
        }}
      />
      <datalist id={`${id}-list`}>
        {stations.map((s) => (
          <option key={s.id} value={label(s)} />
        ))}
      </datalist>
      <button type="submit" className="btn">
        Go
      </button>
      {error && (
        <span className="error-text small" role="alert">
          {error}
        </span>
      )}
    </form>
  );
}
