// The local file store on a temporary folder: what goes in comes out with its checksum, keys
// cannot leave the folder, nothing half-written is ever visible.
import { createHash } from "node:crypto";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FileExistsError, FileTooLargeError, getFileStore, newFileKey, UnsafeKeyError, type FileStore } from "./index";
import { createLocalFileStore } from "./local";

let parent: string;
let root: string;
let store: FileStore;

beforeEach(async () => {
  parent = await mkdtemp(path.join(os.tmpdir(), "nap-storage-"));
  root = path.join(parent, "uploads");
  store = createLocalFileStore(root);
});
afterEach(() => rm(parent, { recursive: true, force: true }));

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");
const bytesOf = (text: string) => new TextEncoder().encode(text);

async function readAll(stream: ReadableStream<Uint8Array>): Promise<Buffer> {
  return Buffer.from(await new Response(stream).arrayBuffer());
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}

describe("newFileKey", () => {
  it("makes <tenant>/<yyyy>/<mm>/<random id>, different every time", () => {
    const now = new Date(Date.UTC(2026, 2, 5));
    const a = newFileKey("cltenant01", now);
    expect(a).toMatch(/^cltenant01\/2026\/03\/[A-Za-z0-9_-]{24}$/);
    expect(newFileKey("cltenant01", now)).not.toBe(a);
  });

  it("refuses a tenant id that is not a plain id", () => {
    expect(() => newFileKey("../other")).toThrow(UnsafeKeyError);
  });
});

describe("local file store", () => {
  it("gives back what was put, with its size, sha256 and content type", async () => {
    const key = newFileKey("tenantA");
    const bytes = bytesOf("%PDF-1.4 evidence of the training");
    const meta = await store.put(key, bytes, { contentType: "application/pdf" });
    expect(meta).toMatchObject({ key, size: bytes.length, sha256: sha256(bytes), contentType: "application/pdf" });
    const got = await store.get(key);
    expect(got?.meta).toEqual(meta);
    expect(await readAll(got!.stream)).toEqual(Buffer.from(bytes));
    expect(await store.exists(key)).toBe(true);
    // Under the key's own folders, beside its record; the temporary folder left empty.
    expect(await filesUnder(root)).toEqual([key, `${key}.meta.json`].map((k) => path.join(...k.split("/"))).sort());
  });

  it("takes a web stream, a Blob and a Node stream, hashing them as they are written", async () => {
    const chunks = ["one ", "two ", "three"].map(bytesOf);
    const whole = Buffer.concat(chunks);
    const web = new ReadableStream<Uint8Array>({
      start(c) {
        chunks.forEach((x) => c.enqueue(x));
        c.close();
      },
    });
    const bodies = [web, new Blob(chunks), Readable.from(chunks)];
    for (const body of bodies) {
      const meta = await store.put(newFileKey("tenantA"), body, { contentType: "text/plain" });
      expect({ size: meta.size, sha256: meta.sha256 }).toEqual({ size: whole.length, sha256: sha256(whole) });
    }
  });

  it("refuses to overwrite a stored file", async () => {
    const key = newFileKey("tenantA");
    await store.put(key, bytesOf("first"), { contentType: "text/plain" });
    await expect(store.put(key, bytesOf("second"), { contentType: "text/plain" })).rejects.toThrow(FileExistsError);
    expect((await readAll((await store.get(key))!.stream)).toString()).toBe("first");
  });

  it("stops a body past maxBytes and stores nothing, leaving no temporary file", async () => {
    const key = newFileKey("tenantA");
    await expect(
      store.put(key, Readable.from([bytesOf("12345"), bytesOf("67890")]), { contentType: "text/plain", maxBytes: 8 }),
    ).rejects.toThrow(FileTooLargeError);
    expect(await store.exists(key)).toBe(false);
    expect(await store.get(key)).toBeNull();
    expect(await filesUnder(root)).toEqual([]);
  });

  it("deletes a file and its record, answering whether there was one", async () => {
    const key = newFileKey("tenantA");
    await store.put(key, bytesOf("gone soon"), { contentType: "text/plain" });
    expect(await store.delete(key)).toBe(true);
    expect(await store.exists(key)).toBe(false);
    expect(await store.get(key)).toBeNull();
    expect(await store.delete(key)).toBe(false);
    expect(await filesUnder(root)).toEqual([]);
  });

  it("answers a key that was never stored as absent", async () => {
    const key = newFileKey("tenantA");
    expect(await store.exists(key)).toBe(false);
    expect(await store.get(key)).toBeNull();
  });

  it("refuses keys that could leave the folder or be read as another path, in every method", async () => {
    const unsafe = [
      "../outside",
      "tenantA/../../outside",
      "/etc/passwd",
      "tenantA\\..\\outside",
      "tenantA/x\0y",
      "tenantA/./x",
      "tenantA//x",
      "tenantA/x.meta.json",
      "",
      "tenantA/x/",
      "C:/x",
      "tenantA/%2e%2e/x",
    ];
    for (const key of unsafe) {
      await expect(store.put(key, bytesOf("x"), { contentType: "text/plain" }), key).rejects.toThrow(UnsafeKeyError);
      await expect(store.get(key), key).rejects.toThrow(UnsafeKeyError);
      await expect(store.exists(key), key).rejects.toThrow(UnsafeKeyError);
      await expect(store.delete(key), key).rejects.toThrow(UnsafeKeyError);
    }
    expect(await readdir(parent)).toEqual([]); // nothing written anywhere, not even the root
  });
});

describe("getFileStore", () => {
  it("is the local store in STORAGE_DIR by default", async () => {
    const chosen = getFileStore({ STORAGE_DIR: root });
    const key = newFileKey("tenantA");
    await chosen.put(key, bytesOf("x"), { contentType: "text/plain" });
    expect(await store.exists(key)).toBe(true);
  });

  it("refuses a driver it does not have, naming it", () => {
    expect(() => getFileStore({ STORAGE_DRIVER: "s3" })).toThrow(/STORAGE_DRIVER=s3 is not supported/);
  });
});
