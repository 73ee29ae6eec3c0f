/**
 * Source text of the fast-path loop (see fast-path.ts), one per chain shape.
 * The text depends only on the shape (how many nodes, which are sinks, which
 * are contained, which series keep history), never on the graph's functions:
 * those are passed in, so a shape compiles once per process and every graph
 * of that shape shares the optimised code.
 *
 * One call runs a batch: the source is checked once to be alone at the top of
 * the heap, the time of the next other item is read once, and cycles run
 * until the source reaches that time, `end`, the cycle the profiler samples,
 * or `clock.interrupts` moves (anything scheduled, a stop, a changed graph).
 *
 * Every line mirrors a step of the generic cycle (Runtime.runCycle, tick,
 * propagate, evaluate, invoke) in the same order; keep them in step.
 */
import type { FastLoop, FastLoopParts } from "./fast-path";
import type { FusibleOp } from "./node-impl";

export interface LoopShape {
  /** The source reads parallel arrays (its next event is read inline) rather than an iterator. */
  columns: boolean;
  /** The source's series keeps history. */
  history: boolean;
  chain: ChainNodeShape[];
}

export interface ChainNodeShape {
  /** A stdlib op run inline (see FusibleOp), or null: call the node's onTick. */
  op: FusibleOp["kind"] | null;
  /** A sink: its onTick's result is ignored. */
  sink: boolean;
  /** Inside contain(): a failed scope skips it, and its failures are contained. */
  scoped: boolean;
  /** Its output keeps history. */
  history: boolean;
}

type Factory = (parts: FastLoopParts) => FastLoop;

const factories = new Map<string, Factory>();

export function fastLoopFactory(shape: LoopShape): Factory {
  const nodes = shape.chain.map(
    (n) => (n.op ?? (n.sink ? "sink" : "node")) + (n.scoped ? "+c" : "") + (n.history ? "+h" : ""),
  );
  const key = `${shape.columns ? "c" : "i"}${shape.history ? "h" : ""}:${nodes.join(",")}`;
  let f = factories.get(key);
  if (f === undefined) {
    // The one place the engine generates code: the text is built from the
    // shape alone (no user input, no names), so nothing outside reaches it.
    f = new Function("parts", fastLoopSource(shape)) as Factory;
    factories.set(key, f);
  }
  return f;
}

/** Runtime.tick of series `s` with value `v` at time `t`, except waking its consumers. */
function tickLines(s: string, v: string, history: boolean, indent: string): string[] {
  return [
    `${s}.value = ${v};`,
    `${s}.tickCycle = cyc;`,
    `${s}.tickCount++;`,
    `${s}.lastTickTime = t;`,
    ...(history ? [`${s}.history.push(t, ${v});`] : []),
  ].map((l) => indent + l);
}

/**
 * The node's result r<i>: its onTick, or the stdlib op it is (same result as
 * that onTick in stdlib/basic.ts; keep them in step). Its input's value is
 * the source's `v` or the previous node's result.
 */
function callLines(op: ChainNodeShape["op"], i: number): string[] {
  const x = i === 0 ? "v" : `r${i - 1}`;
  switch (op) {
    case "map":
      return [`const r${i} = u${i}(${x});`];
    case "filter":
      return [`const r${i} = u${i}(${x}) ? ${x} : undefined;`];
    case "scan":
      return [`st${i}.acc = u${i}(st${i}.acc, ${x});`, `const r${i} = st${i}.acc;`];
    case null:
      return [`const r${i} = f${i}(x${i});`];
  }
}

/** One chain node: Runtime.evaluate + invoke, then the hand-off to the next node. */
function nodeLines(shape: readonly ChainNodeShape[], i: number, ind: string): string[] {
  const n = shape[i];
  // No `dead` check, and ranks are read once: adding or removing nodes bumps
  // `clock.interrupts`, which every hand-off checks.
  const lines = n.scoped ? [`if (sc${i}.failed) break chain;`] : [];
  // Only a node's own onTick can add nodes (dynamic()) or tick its output: an op's
  // function sees neither its context nor the runtime, so those steps are for onTick alone.
  if (n.op === null) lines.push(`rt.currentRank = rank${i};`);
  lines.push(`e${i}++;`, ...callLines(n.op, i));
  if (n.sink) return lines.map((l) => ind + l); // a sink ends the chain; its result is ignored
  lines.push(`if (r${i} === undefined) break chain;`);
  if (n.op === null) lines.push(`if (o${i}.tickCycle === cyc) throw rt.tickedTwice(o${i});`);
  const out = [...lines.map((l) => ind + l), ...tickLines(`o${i}`, `r${i}`, n.history, ind)];
  if (i + 1 === shape.length) return [...out, `${ind}rt.wakeConsumers(o${i});`];
  // Run the next node now only if the rank queues would run it next: nothing else is queued
  // (an emit, or a dynamic instance's input, queues through tick) and the graph is as compiled.
  return [
    ...out,
    `${ind}if (rt.maxDirty >= 0 || clock.interrupts !== mark) {`,
    `${ind}  rt.wakeConsumers(o${i});`,
    `${ind}  break chain;`,
    `${ind}}`,
    `${ind}k = ${i + 1};`,
  ];
}

/**
 * Add the batch's evaluation counts to the nodes (kept in locals while it
 * runs: the profiler reads them when the run ends) and start counting afresh.
 */
function flushEvalLines(shape: readonly ChainNodeShape[], ind: string): string[] {
  return shape.map((_, i) => `${ind}n${i}.evals += e${i}; e${i} = 0;`);
}

function chainLines(shape: readonly ChainNodeShape[]): string[] {
  if (shape.length === 0) return ["      rt.wakeConsumers(S);"];
  // A chain node is not marked scheduled: its one input cannot tick again this cycle, so
  // nothing can wake it twice.
  return [
    "      chain: {",
    "        let k = 0;",
    "        try {",
    ...shape.flatMap((_, i) => nodeLines(shape, i, "          ")),
    "        } catch (e) {",
    ...flushEvalLines(shape, "          "),
    "          rt.fail(N[k], N[k].scope, e);",
    "        }",
    "      }",
  ];
}

function localLines(shape: readonly ChainNodeShape[]): string[] {
  return shape.map(
    (n, i) =>
      `    const n${i} = N[${i}]; let e${i} = 0;` +
      (n.op === null ? ` const f${i} = F[${i}], x${i} = X[${i}], rank${i} = n${i}.rank;` : "") +
      (n.op !== null ? ` const u${i} = n${i}.op.fn;` : "") +
      (n.op === "scan" ? ` const st${i} = n${i}.op.state;` : "") +
      (n.sink ? "" : ` const o${i} = O[${i}];`) +
      (n.scoped ? ` const sc${i} = SC[${i}];` : ""),
  );
}

/**
 * Load the source's next event (PullSource.advance) and put it back in the
 * heap: in place, since nothing else is due before `other`.
 *
 * A source reading columns is advanced in locals only: nothing reads its
 * fields while the batch runs except the heap, when something is scheduled
 * (Runtime calls `rt.syncBatch` first) or when it has to reorder the source
 * here, so they are written then and when the batch ends (`sync`).
 */
function advanceLines(shape: LoopShape): string[] {
  const flush = flushEvalLines(shape.chain, "          ");
  const exhausted = [
    "        heap.pop();",
    "        more = false;",
    "        if (src.onExhausted !== null) {",
    ...flush,
    "          src.onExhausted();",
    "        }",
  ];
  if (!shape.columns) {
    return [
      "      let more = true;",
      "      let next;",
      "      try {",
      "        next = src.advance();",
      "      } catch (e) {",
      ...flush,
      "        throw e;",
      "      }",
      "      if (next) {",
      "        src.seq = seq;",
      "        rt.seqCounter = ++seq;",
      "        if (src.time >= other) heap.replaceTop(src); // it no longer runs alone: let the heap order it",
      "        nt = src.time;",
      "        nv = src.nextValue;",
      "      } else {",
      ...exhausted,
      "      }",
    ];
  }
  return [
    "      let more = true;",
    "      if (i < len) {",
    "        nt = T[i];",
    "        if (nt < t) {",
    ...flush,
    "          rt.syncBatch = null;",
    "          syncTo(i - B.i0);",
    "          src.advance(); // throws: time went backwards",
    "        }",
    "        nv = V[i];",
    "        i++;",
    "        if (nt >= other) {",
    "          settle(); // it no longer runs alone: let the heap order it",
    "          heap.replaceTop(src);",
    "        }",
    "      } else {",
    "        rt.syncBatch = null;",
    "        syncTo(i - B.i0);",
    "        src.advance(); // marks it played out",
    ...exhausted,
    "      }",
  ];
}

/** The factory's scope: what `sync` needs of a batch (one batch of one source runs at a time). */
function columnsPrelude(): string[] {
  return [
    "const { rt, src } = parts;",
    "const clock = rt.clock, T = src.columns.times, V = src.columns.values, len = T.length;",
    "/** Where the batch began: its first cycle, the source's index and the next sequence number then. */",
    "const B = { cyc0: 0, i0: 0, seq0: 0 };",
    "/** The source's fields after m more successful advances than at the start of the batch. */",
    "function syncTo(m) {",
    "  if (m <= 0) return;",
    "  const j = B.i0 + m;",
    "  src.index = j;",
    "  src.time = T[j - 1];",
    "  src.nextValue = V[j - 1];",
    "  src.seq = B.seq0 + m - 1;",
    "  rt.seqCounter = B.seq0 + m;",
    "}",
    "/** During cycle k of the batch, k advances have run (fewer if the columns ran out). */",
    "function sync() {",
    "  syncTo(Math.min(clock.cycle - B.cyc0, len - B.i0));",
    "}",
    "/**",
    " * rt.syncBatch: write the fields now and keep them from here on. Whoever asks is about to",
    " * take sequence numbers or reorder the heap, so the batch ends after this cycle.",
    " */",
    "function settle() {",
    "  rt.syncBatch = null;",
    "  clock.interrupts++;",
    "  sync();",
    "}",
  ];
}

export function fastLoopSource(shape: LoopShape): string {
  return [
    '"use strict";',
    ...(shape.columns ? columnsPrelude() : []),
    "return function fastLoop(end, maxCycles) {",
    // Locals, not the factory's bindings: V8 would check those for the temporal dead zone on every use.
    "    const { rt, src, S, N, F, X, O, SC } = parts;",
    "    const heap = rt.heap, clock = rt.clock, every = rt.profileEvery, mark = clock.interrupts;",
    "    if (heap.peek() !== src) return 0;",
    "    const other = heap.afterTop(); // the earliest time of anything else in the heap",
    "    let t = src.time;",
    "    if (t > end || t >= other) return 0; // not alone at its time: the generic cycle orders it",
    "    let cyc = clock.cycle;",
    "    const first = cyc;",
    "    let last = cyc + maxCycles;",
    "    if (every > 0) {",
    "      const sampled = cyc - (cyc % every) + every; // profiled: the generic path times it",
    "      if (sampled <= last) last = sampled - 1;",
    "    }",
    "    if (cyc >= last) return 0;",
    ...localLines(shape.chain),
    "    rt.sampling = false;",
    "    let seq = rt.seqCounter;",
    "    let v = src.nextValue;",
    ...(shape.columns
      ? [
          "    const T = src.columns.times, V = src.columns.values, len = T.length;",
          "    let i = src.index;",
          "    B.cyc0 = cyc;",
          "    B.i0 = i;",
          "    B.seq0 = seq;",
          "    rt.syncBatch = settle;",
        ]
      : []),
    "    let nt = t, nv = v;",
    "    for (;;) {",
    "      cyc++;",
    "      clock.cycle = cyc;",
    "      clock.now = t;",
    ...tickLines("S", "v", shape.history, "      "),
    ...advanceLines(shape),
    ...chainLines(shape.chain),
    "      if (rt.maxDirty >= 0) {",
    ...flushEvalLines(shape.chain, "        "),
    "        rt.propagate();",
    "      }",
    "      if (!more || cyc === last || clock.interrupts !== mark) break;",
    "      t = nt;",
    "      if (t > end || t >= other) break;",
    "      v = nv;",
    "    }",
    ...flushEvalLines(shape.chain, "    "),
    ...(shape.columns
      ? ["    if (rt.syncBatch !== null) {", "      rt.syncBatch = null;", "      sync();", "    }"]
      : []),
    "    rt.currentRank = -1;",
    "    return cyc - first;",
    "};",
  ].join("\n");
}
