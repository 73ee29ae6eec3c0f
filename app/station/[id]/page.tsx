import type { Metadata } from "next";
import { StationPage } from "../../../components/station/StationPage";

interface Props {
  params: Promise<{ id: string }>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  return { title: `Station ${decodeURIComponent(id)} · NYC transit` };
}

export default async function Page({ params }: Props) {
  const { id } = await params;
  return <StationPage stationId={decodeURIComponent(id)} />;
}
