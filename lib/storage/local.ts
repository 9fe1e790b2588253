// Files in a folder of this server (STORAGE_DIR, default .data/uploads): `<root>/<key>` holds the
// bytes and `<root>/<key>.meta.json` what put() recorded. A file counts as stored once its meta
// file exists: put() renames the bytes into place first and the meta last, delete() removes the
// meta first, so a crash half-way leaves an invisible leftover, never a file without its checksum.
// Bytes are written to `<root>/.tmp` and renamed: nobody ever reads a half-written file. (Keys
// cannot contain dots, so neither ".tmp" nor ".meta.json" can collide with a key.)
import { createHash, randomBytes } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as NodeWebStream } from "node:stream/web";
import { assertSafeKey, UnsafeKeyError } from "./keys";
import {
  FileExistsError,
  FileTooLargeError,
  type FileBody,
  type FileStore,
  type PutOptions,
  type StoredFileMeta,
} from "./types";

export function createLocalFileStore(dir: string): FileStore {
  const root = path.resolve(dir);
  const tmpDir = path.join(root, ".tmp");

  /** The file's path, proven to lie inside the root (the key check already ensures it; this is the second wall). */
  function pathOf(key: string): string {
    assertSafeKey(key);
    const full = path.resolve(root, ...key.split("/"));
    if (!full.startsWith(root + path.sep)) throw new UnsafeKeyError();
    return full;
  }
  const metaOf = (file: string) => `${file}.meta.json`;

  async function readMeta(key: string): Promise<StoredFileMeta | null> {
    try {
      return JSON.parse(await readFile(metaOf(pathOf(key)), "utf8")) as StoredFileMeta;
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  return {
    async put(key: string, body: FileBody, options: PutOptions): Promise<StoredFileMeta> {
      const file = pathOf(key);
      if (await readMeta(key)) throw new FileExistsError();
      await mkdir(tmpDir, { recursive: true, mode: 0o700 });
      const tmp = path.join(tmpDir, randomBytes(12).toString("hex"));
      try {
        const { size, sha256 } = await writeCounted(toNodeStream(body), tmp, options.maxBytes);
        const meta: StoredFileMeta = {
          key,
          contentType: options.contentType,
          size,
          sha256,
          createdAt: new Date().toISOString(),
        };
        await writeFile(`${tmp}.meta`, JSON.stringify(meta), { flag: "wx", mode: 0o600 });
        await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
        await rename(tmp, file);
        await rename(`${tmp}.meta`, metaOf(file));
        return meta;
      } finally {
        await Promise.all([rm(tmp, { force: true }), rm(`${tmp}.meta`, { force: true })]);
      }
    },

    async get(key: string) {
      const meta = await readMeta(key);
      if (!meta) return null;
      const stream = Readable.toWeb(createReadStream(pathOf(key))) as unknown as ReadableStream<Uint8Array>;
      return { stream, meta };
    },

    async delete(key: string): Promise<boolean> {
      const file = pathOf(key);
      const existed = (await readMeta(key)) !== null;
      await rm(metaOf(file), { force: true });
      await rm(file, { force: true });
      return existed;
    },

    async exists(key: string): Promise<boolean> {
      try {
        return (await stat(metaOf(pathOf(key)))).isFile();
      } catch (error) {
        if (isMissing(error)) return false;
        throw error;
      }
    },
  };
}

/** Writes the stream to `target`, counting and hashing on the way; past maxBytes it stops with FileTooLargeError. */
async function writeCounted(
  source: Readable,
  target: string,
  maxBytes = Infinity,
): Promise<{ size: number; sha256: string }> {
  const hash = createHash("sha256");
  let size = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      if (size > maxBytes) return done(new FileTooLargeError(maxBytes));
      hash.update(chunk);
      done(null, chunk);
    },
  });
  await pipeline(source, meter, createWriteStream(target, { flags: "wx", mode: 0o600 }));
  return { size, sha256: hash.digest("hex") };
}

// Told apart by shape, not instanceof: Blobs and web streams may come from another realm's classes
// (Next's request decoding, undici), which instanceof would not recognise.
function toNodeStream(body: FileBody): Readable {
  if (body instanceof Uint8Array) return Readable.from([body]); // in a list: Readable.from(buffer) would not be chunked as bytes
  if ("stream" in body && typeof body.stream === "function")
    return Readable.fromWeb(body.stream() as unknown as NodeWebStream<Uint8Array>);
  if ("getReader" in body && typeof body.getReader === "function")
    return Readable.fromWeb(body as unknown as NodeWebStream<Uint8Array>);
  return Readable.from(body as AsyncIterable<Uint8Array>);
}

function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException)?.code === "ENOENT";
}
