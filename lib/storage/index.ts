// Where uploaded files (evidence) are kept, behind one interface (./types.ts) so that the rest of
// the app never knows which store holds the bytes. Chosen by STORAGE_DRIVER:
//   local (default) - a folder of this server, STORAGE_DIR (default .data/uploads); one server, or
//                     a folder every server mounts.
//   s3 (next)       - an S3-compatible bucket (AWS, MinIO, Ceph), for several servers without a
//                     shared folder: put = PutObject with the sha256 computed while uploading,
//                     get = GetObject's body stream, delete = DeleteObject, exists = HeadObject.
//                     Keys stay the same, so files can be copied across as they are.
// The database, not the store, records which key belongs to which record and its checksum.
import "server-only";

export { assertSafeKey, newFileKey, tenantOfKey, UnsafeKeyError } from "./keys";
export {
  FileExistsError,
  FileTooLargeError,
  type FileBody,
  type FileStore,
  type PutOptions,
  type StoredFileMeta,
} from "./types";

export { DEFAULT_STORAGE_DIR, getFileStore } from "./store";
