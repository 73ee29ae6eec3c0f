/** The recording: an append-only log of every payload exactly as received (format in FORMAT.md). */
export { crc32 } from "./crc32";
export { type ImportedFile, type ImportReport, importFolder } from "./import-folder";
export { type ReadRecordingOptions, type RecordingInfo, readRecording, recordingInfo } from "./reader";
export { type Recognition, recognizePayload } from "./recognize";
export { listSegments, parseSegmentName, segmentName } from "./segments";
export type { RecordedFrame, RecordedPayload } from "./types";
export { RecordingWriter, type RecordingWriterOptions } from "./writer";
