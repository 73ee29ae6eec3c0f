"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { DataStatus } from "./DataStatus";
import { ReplayBar } from "./ReplayBar";

const NAV = [
  { href: "/", label: "Dashboard" },
  { href: "/health", label: "Feeds" },
  { href: "/graph", label: "Engine graph" },
  { href: "/kiosk", label: "Kiosk" },
];

/** The header of every page but the kiosk: navigation, data status, replay bar. */
export function SiteHeader() {
  const path = usePathname();
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="site-header">
        <Link className="brand" href="/">
          NYC transit<small>subway · alerts · Citi Bike</small>
        </Link>
        <nav className="site-nav" aria-label="Pages">
          {NAV.map((n) =>
            n.href === "/kiosk" ? (
              // A full page load: the kiosk sets up its own connection (reload on new builds).
              <a key={n.href} href={n.href}>
                {n.label}
              </a>
            ) : (
              <Link key={n.href} href={n.href} aria-current={path === n.href ? "page" : undefined}>
                {n.label}
              </Link>
            ),
          )}
        </nav>
        <DataStatus />
      </header>
      <ReplayBar />
    </>
  );
}
