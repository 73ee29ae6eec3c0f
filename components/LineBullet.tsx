import type { RouteView } from "../lib/network";

interface Props {
  route: string;
  info?: RouteView;
  size?: "sm" | "md";
}

/** A line's bullet: its letter or number on its colour (the letter carries the meaning, not the colour). */
export function LineBullet({ route, info, size = "md" }: Props) {
  const express = /X$/.test(route) && route.length > 1;
  const label = express ? route.slice(0, -1) : (info?.shortName ?? route);
  const style = {
    background: info ? `#${info.color.replace(/^#/, "")}` : "#5d6b78",
    color: info ? `#${info.textColor.replace(/^#/, "")}` : "#fff",
  };
  const name = `${label}${express ? " express" : ""} train`;
  return (
    <span
      className={`bullet${express ? " express" : ""}${size === "sm" ? " sm" : ""}`}
      style={style}
      role="img"
      aria-label={name}
      title={info?.longName ? `${name}: ${info.longName}` : name}
    >
      <span aria-hidden="true">{label}</span>
    </span>
  );
}
