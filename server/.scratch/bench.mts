import { run } from "/work/main/bench/server.bench";

const rows = await run();
for (const r of rows) console.log(r.name.padEnd(45), r.value.toFixed(1), r.unit, r.note ?? "");
