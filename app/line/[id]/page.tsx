import type { Metadata } from "next";
import { LinePage } from "../../../components/line/LinePage";

interface Props {
  params: Promise<{ id: string }>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  return { title: `${decodeURIComponent(id)} line · NYC transit` };
}

export default async function Page({ params }: Props) {
  const { id } = await params;
  return <LinePage route={decodeURIComponent(id)} />;
}
