/**
 * kill -9 while a frame is being written: every complete frame must read back
 * and verify, exactly the torn one is dropped (with one warning), and a writer
 * reopened on the same directory continues cleanly after the last good frame.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { readRecording } from "./reader";
import { crashTestBody } from "./testing";
import { RecordingWriter } from "./writer";

const FIXTURE = join(import.meta.dirname, "crash-writer.fixture.ts");
const SEGMENT = "2025-10-02T10.seg";

interface KillOutcome {
  killedDuring: number; // index of the frame being written when killed
  offsetBefore: number; // segment size just before that frame
  sizeAfter: number;
}

/** Runs the child and SIGKILLs it once the segment is seen growing inside a large frame. */
function runAndKill(dir: string): Promise<KillOutcome | undefined> {
  return new Promise((resolve, reject) => {
    const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", FIXTURE, dir], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    let outcome: KillOutcome | undefined;
    let pending = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      pending += chunk.toString();
      let nl = pending.indexOf("\n");
      while (nl >= 0 && !outcome) {
        const [word, i, before, bodyLen] = pending.slice(0, nl).split(" ");
        pending = pending.slice(nl + 1);
        nl = pending.indexOf("\n");
        if (word !== "big") continue;
        const start = Number(before);
        const frameEnd = start + 6 + 41 + "subway-ace".length + Number(bodyLen) + 4;
        // Busy-wait on the file size: the 32 MB write takes milliseconds, the poll microseconds.
        const deadline = Date.now() + 5000;
        while (Date.now() < deadline) {
          const size = statSync(join(dir, SEGMENT)).size;
          if (size >= frameEnd) break; // missed this one: wait for the next large frame
          if (size > start) {
            child.kill("SIGKILL");
            outcome = { killedDuring: Number(i), offsetBefore: start, sizeAfter: 0 };
            break;
          }
        }
      }
    });
    child.on("error", reject);
    child.on("exit", (_code, signal) => {
      if (outcome && signal === "SIGKILL") {
        outcome.sizeAfter = statSync(join(dir, SEGMENT)).size;
        resolve(outcome);
      } else resolve(undefined);
    });
  });
}

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe("recording survives SIGKILL mid-write", () => {
  it("keeps every complete frame, drops exactly the torn one, and reopens cleanly", async () => {
    // The kill can land just after the write completes; retry until a torn frame is on disk.
    let dir = "";
    let outcome: KillOutcome | undefined;
    for (let attempt = 0; attempt < 4; attempt++) {
      dir = mkdtempSync(join(tmpdir(), "rec-crash-"));
      dirs.push(dir);
      outcome = await runAndKill(dir);
      if (outcome && outcome.sizeAfter > outcome.offsetBefore) {
        const complete = outcome.offsetBefore + 6 + 41 + 10 + crashTestBody(outcome.killedDuring).length + 4;
        if (outcome.sizeAfter < complete) break;
      }
      outcome = undefined;
    }
    expect(outcome, "never caught the child inside a write").toBeDefined();
    const { killedDuring, offsetBefore } = outcome!;

    const warnings: string[] = [];
    const frames = [...readRecording(dir, { onWarning: (m) => warnings.push(m) })];
    expect(frames.map((f) => f.receivedAt - frames[0].receivedAt)).toEqual(
      Array.from({ length: killedDuring }, (_, i) => i),
    );
    for (let i = 0; i < frames.length; i++) {
      const expected = crashTestBody(i);
      expect(Buffer.compare(Buffer.from(frames[i].body), expected), `frame ${i} body`).toBe(0);
      expect(frames[i].hash).toBe(createHash("sha1").update(expected).digest("hex"));
    }
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(`offset ${offsetBefore}`);
    expect(warnings[0]).toContain("torn");

    // A new writer cuts the torn tail and appends after the last good frame.
    const repairs: string[] = [];
    const w = RecordingWriter.open(dir, { onWarning: (m) => repairs.push(m) });
    w.append({
      feed: "subway-g",
      receivedAt: frames[0].receivedAt + 1_000,
      status: 200,
      body: Buffer.from("after"),
    });
    w.close();
    expect(repairs).toHaveLength(1);
    expect(statSync(join(dir, SEGMENT)).size).toBeGreaterThan(offsetBefore);
    const again: string[] = [];
    const after = [...readRecording(dir, { onWarning: (m) => again.push(m) })];
    expect(again).toEqual([]);
    expect(after).toHaveLength(killedDuring + 1);
    expect(after[killedDuring].offset).toBe(offsetBefore);
    expect(Buffer.from(after[killedDuring].body).toString()).toBe("after");
  });
});
