import { readRecording } from "/work/main/adapters/recording";

for (const f of readRecording("/tmp/srv/demo-part/recording", { feeds: ["gbfs-station-status"] })) {
  const j = JSON.parse(Buffer.from(f.body).toString());
  console.log(
    Object.keys(j),
    j.ttl,
    j.last_updated,
    JSON.stringify(j.data.stations[0]),
    j.data.stations.length,
  );
  break;
}
