import { isoTime } from "./time";

/** A node threw: which node, when (engine time), and what. */
export interface NodeFailure {
  node: string;
  scope: string | null;
  time: number;
  message: string;
}

export class NodeError extends Error {
  constructor(
    readonly node: string,
    readonly time: number,
    cause: unknown,
  ) {
    const message = cause instanceof Error ? cause.message : String(cause);
    super(`node '${node}' failed at ${isoTime(time)}: ${message}`, { cause });
    this.name = "NodeError";
  }
}

export class GraphError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "GraphError";
  }
}
