/**
 * Source text of the fast-path loop (see fast-path.ts), one per chain shape.
 * The text depends only on the shape (how many nodes, which are sinks, which
 * are contained, which series keep history), never on the graph's functions:
 * those are passed in, so a shape compiles once per process and every graph
 * of that shape shares the optimised code. A shape holds until
 * `clock.interrupts` moves, which the loop checks every cycle.
 *
 * Every line mirrors a step of the generic cycle (Runtime.runCycle, tick,
 * propagate, evaluate, invoke) in the same order; keep them in step.
 */
import type { FastLoop, FastLoopParts } from "./fast-path";
import type { FusibleOp } from "./node-impl";

export interface LoopShape {
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
  const key = `${shape.history ? "h" : ""}:${nodes.join(",")}`;
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
  // `clock.interrupts`, which the loop and every hand-off check.
  const lines = n.scoped ? [`if (sc${i}.failed) break chain;`] : [];
  lines.push(`rt.currentRank = rank${i};`, `n${i}.evals++;`, ...callLines(n.op, i));
  if (n.sink) return lines.map((l) => ind + l); // a sink ends the chain; its result is ignored
  lines.push(
    `if (r${i} === undefined) break chain;`,
    `if (o${i}.tickCycle === cyc) throw rt.tickedTwice(o${i});`,
  );
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
    "          rt.fail(N[k], N[k].scope, e);",
    "        }",
    "      }",
    "      rt.currentRank = -1;",
  ];
}

function localLines(shape: readonly ChainNodeShape[]): string[] {
  return shape.map(
    (n, i) =>
      `    const n${i} = N[${i}], f${i} = F[${i}], x${i} = X[${i}], rank${i} = n${i}.rank;` +
      (n.op !== null ? ` const u${i} = n${i}.op.fn;` : "") +
      (n.op === "scan" ? ` const st${i} = n${i}.op.state;` : "") +
      (n.sink ? "" : ` const o${i} = O[${i}];`) +
      (n.scoped ? ` const sc${i} = SC[${i}];` : ""),
  );
}

export function fastLoopSource(shape: LoopShape): string {
  return [
    '"use strict";',
    "const { rt, src, S, N, F, X, O, SC } = parts;",
    "return function fastLoop(end, maxCycles) {",
    "    const heap = rt.heap, clock = rt.clock, every = rt.profileEvery, mark = clock.interrupts;",
    ...localLines(shape.chain),
    "    rt.sampling = false;",
    "    let ran = 0;",
    "    while (ran < maxCycles) {",
    "      if (clock.interrupts !== mark) break; // a stop, a changed graph: recompile",
    "      const t = src.time;",
    "      if (t > end || heap.peek() !== src || !heap.aloneAtTop(t)) break;",
    "      const cyc = clock.cycle + 1;",
    "      if (every > 0 && cyc % every === 0) break; // a profiled cycle: the generic path times it",
    "      clock.cycle = cyc;",
    "      clock.now = t;",
    "      ran++;",
    "      const v = src.nextValue;",
    ...tickLines("S", "v", shape.history, "      "),
    "      if (src.advance()) {",
    "        src.seq = rt.seqCounter++;",
    "        heap.replaceTop(src);",
    "      } else {",
    "        heap.pop();",
    "        if (src.onExhausted !== null) src.onExhausted();",
    "      }",
    ...chainLines(shape.chain),
    "      if (rt.maxDirty >= 0) rt.propagate();",
    "    }",
    "    return ran;",
    "};",
  ].join("\n");
}
