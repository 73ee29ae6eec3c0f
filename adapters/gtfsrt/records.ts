/**
 * One bad record must not sink a feed: each record is validated on its own,
 * the good ones kept, the bad ones counted.
 */
import type { z } from "zod";

export interface KeptRecords<T> {
  values: T[];
  dropped: number;
}

export function keepValid<S extends z.ZodType>(
  items: readonly unknown[],
  schema: S,
): KeptRecords<z.output<S>> {
  const values: z.output<S>[] = [];
  let dropped = 0;
  for (const item of items) {
    const parsed = schema.safeParse(item);
    if (parsed.success) values.push(parsed.data);
    else dropped++;
  }
  return { values, dropped };
}

/** The first issue of a failed zod parse, as "path: message" for an error text. */
export function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return "invalid";
  return `${issue.path.join(".") || "(root)"}: ${issue.message}`;
}
