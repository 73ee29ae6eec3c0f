import type { Metadata } from "next";
import { Kiosk } from "../../components/kiosk/Kiosk";
import { parseKioskConfig } from "../../lib/kiosk-config";
import { tileUrlFromEnv } from "../../lib/tile-url";

export const metadata: Metadata = { title: "NYC transit · kiosk" };

interface Props {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function Page({ searchParams }: Props) {
  const raw = await searchParams;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(raw)) if (typeof v === "string") params.set(k, v);
  return <Kiosk config={parseKioskConfig(params)} tileUrl={tileUrlFromEnv()} />;
}
