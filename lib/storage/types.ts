// The contract every file store keeps, whatever holds the bytes: the local folder now
// (./local.ts), an S3-compatible bucket next. Keys come from ./keys.ts only.

/** Bytes in memory, a File or Blob, a web stream (a Request's body) or a Node stream. */
export type FileBody = Uint8Array | Blob | ReadableStream<Uint8Array> | AsyncIterable<Uint8Array>;

export interface PutOptions {
  /** As sniffed from the bytes (./sniff.ts), never as the browser declared it. */
  contentType: string;
  /** Stop reading and store nothing past this many bytes: a stream has no size to check first. */
  maxBytes?: number;
}

export interface StoredFileMeta {
  key: string;
  contentType: string;
  size: number;
  /** Lower-case hex, computed while the bytes were written: what the database keeps to check them later. */
  sha256: string;
  createdAt: string;
}

export interface FileStore {
  /** Stores new bytes under a new key; an existing key is refused (FileExistsError), never overwritten. */
  put(key: string, body: FileBody, options: PutOptions): Promise<StoredFileMeta>;
  /** The bytes as a web stream (ready for `new Response(stream)`) and what put() recorded; null when absent. */
  get(key: string): Promise<{ stream: ReadableStream<Uint8Array>; meta: StoredFileMeta } | null>;
  /** True when there was something to remove. */
  delete(key: string): Promise<boolean>;
  exists(key: string): Promise<boolean>;
}

export class FileTooLargeError extends Error {
  constructor(public readonly maxBytes: number) {
    super(`file over ${maxBytes} bytes`);
    this.name = "FileTooLargeError";
  }
}

export class FileExistsError extends Error {
  constructor() {
    super("a file is already stored under this key");
    this.name = "FileExistsError";
  }
}
