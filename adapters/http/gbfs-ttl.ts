/**
 * GBFS responses say how long to wait before asking again (`ttl`, seconds):
 * a `nextDelayMs` for FeedPoller that honours it.
 */
import { z } from "zod";

const WithTtl = z.object({ ttl: z.number().int().nonnegative() });

export function gbfsTtlDelayMs(body: Uint8Array): number | undefined {
  try {
    const parsed = WithTtl.safeParse(JSON.parse(new TextDecoder().decode(body)));
    return parsed.success ? parsed.data.ttl * 1000 : undefined;
  } catch {
    return undefined; // not JSON: let the poller use its interval; the decoder reports the error
  }
}
