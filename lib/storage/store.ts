// The store the environment names (see ./index.ts for the drivers). Without the "server-only"
// guard of ./index.ts, for Node scripts that run outside Next (the demo seed); the app imports
// ./index.
import path from "node:path";
import { createLocalFileStore } from "./local";
import type { FileStore } from "./types";

export const DEFAULT_STORAGE_DIR = path.join(".data", "uploads");

/** The store the environment names. Cheap: a local store is a folder path, nothing is opened. */
export function getFileStore(env: Record<string, string | undefined> = process.env): FileStore {
  const driver = env.STORAGE_DRIVER || "local";
  switch (driver) {
    case "local":
      return createLocalFileStore(env.STORAGE_DIR || DEFAULT_STORAGE_DIR);
    default:
      throw new Error(
        `STORAGE_DRIVER=${driver} is not supported: use "local" (an S3-compatible store is the next one, see lib/storage/index.ts)`,
      );
  }
}
