import type { Metadata } from "next";
import { HealthPage } from "../../components/health/HealthPage";

export const metadata: Metadata = { title: "Feeds · NYC transit" };

export default function Page() {
  return <HealthPage />;
}
