import { connection } from "next/server";
import { Dashboard } from "../components/dashboard/Dashboard";
import { tileUrlFromEnv } from "../lib/tile-url";

export default async function Home() {
  // Rendered per request: the tile URL is the running server's configuration, not the build's.
  await connection();
  return <Dashboard tileUrl={tileUrlFromEnv()} />;
}
