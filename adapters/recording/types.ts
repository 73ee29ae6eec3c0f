/** The recording's public records (other modules code against these). */
export interface RecordedPayload {
  feed: string;
  /** Epoch milliseconds. */
  receivedAt: number;
  /** HTTP status the payload came with (200 for imported files). */
  status: number;
  body: Uint8Array;
}

export interface RecordedFrame extends RecordedPayload {
  /** Hex SHA-1 of body. */
  hash: string;
  /** Segment file name, e.g. "2025-10-02T10.seg". */
  segment: string;
  /** Byte offset of the frame in its segment. */
  offset: number;
}
