import type { Metadata } from "next";
import { GraphPage } from "../../components/graph/GraphPage";

export const metadata: Metadata = { title: "Engine graph · NYC transit" };

export default function Page() {
  return <GraphPage />;
}
