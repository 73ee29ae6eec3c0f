/**
 * decodeOutages: the MTA elevator/escalator outage JSON -> OutagesSnapshot.
 * Accepts the old {"NYCOutages":{"outage":[...]}} envelope and the newer flat
 * array. Errors, never thrown: 'empty', 'parse' (not JSON, HTML page),
 * 'invalid' (neither envelope). A bad record is dropped and counted.
 */
import { FeedError, fail, ok, type Result } from "../errors";
import { type DecodeContext, receivedAtOf } from "../gtfsrt/context";
import { decodeJsonBody } from "../gtfsrt/json-body";
import { firstIssue, keepValid } from "../gtfsrt/records";
import { outageEnvelopeSchema, outageRecordSchema } from "./schema";
import type { OutagesSnapshot } from "./types";

export function decodeOutages(text: string | Uint8Array, ctx: DecodeContext): Result<OutagesSnapshot> {
  const parsed = decodeJsonBody(text, ctx);
  if (!parsed.ok) return parsed;
  const envelope = outageEnvelopeSchema.safeParse(parsed.value);
  if (!envelope.success)
    return fail(
      new FeedError(
        "invalid",
        `neither an outage list nor {"NYCOutages":...}: ${firstIssue(envelope.error)}`,
        {
          feed: ctx.feed,
          url: ctx.url,
        },
      ),
    );
  const { values, dropped } = keepValid(envelope.data, outageRecordSchema);
  return ok({ feed: ctx.feed, url: ctx.url, receivedAt: receivedAtOf(ctx), outages: values, dropped });
}
