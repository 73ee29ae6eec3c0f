import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import "./globals.css";

export const metadata: Metadata = {
  title: "NYC transit, live",
  description: "Subway delays, headways, line status, alerts and Citi Bike availability, as they happen",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#101418" };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
