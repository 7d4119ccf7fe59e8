// The stored session in IndexedDB, for src/services/storage.rs (which decides what is kept;
// this file only moves it in and out). Two object stores in one database:
//   "inputs":  the raw bytes of each input (a Uint8Array), under a key that names its contents;
//   "session": one record, "current": a text saying which inputs make the session, in what
//              order and under what names, and how the view was left.
// A save is one transaction: the new inputs, the record, and the removal of the inputs the
// record no longer names. When it fails (the browser's quota is reached) nothing of it is
// written, and the session stored before stays whole.
const NAME = "report-lens";
const VERSION = 1;
const INPUTS = "inputs";
const SESSION = "session";
const CURRENT = "current";

let connection;

function open() {
  if (!connection) {
    connection = new Promise((resolve, reject) => {
      const request = indexedDB.open(NAME, VERSION);
      request.onupgradeneeded = () => {
        const db = request.result;
        if (!db.objectStoreNames.contains(INPUTS)) db.createObjectStore(INPUTS);
        if (!db.objectStoreNames.contains(SESSION)) db.createObjectStore(SESSION);
      };
      request.onsuccess = () => {
        const db = request.result;
        // Another tab upgrading the database: let it, open again on the next call.
        db.onversionchange = () => {
          db.close();
          connection = undefined;
        };
        resolve(db);
      };
      request.onerror = () => reject(request.error);
    });
    connection.catch(() => (connection = undefined));
  }
  return connection;
}

/** Settles when `tx` is over: resolves on commit, rejects with its error on abort. */
function finished(tx) {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onabort = () => reject(tx.error ?? new DOMException("The transaction was aborted", "AbortError"));
  });
}

/** The name of what went wrong ("QuotaExceededError" when the quota is reached). */
function reason(error) {
  return String(error?.name || error || "UnknownError");
}

/** The stored session: `{ record, keys, values }` read in one transaction, or null. */
export async function load() {
  try {
    const db = await open();
    const tx = db.transaction([SESSION, INPUTS], "readonly");
    const record = tx.objectStore(SESSION).get(CURRENT);
    const keys = tx.objectStore(INPUTS).getAllKeys();
    const values = tx.objectStore(INPUTS).getAll();
    await finished(tx);
    if (typeof record.result !== "string") return null;
    return { record: record.result, keys: keys.result, values: values.result };
  } catch (error) {
    throw reason(error);
  }
}

/**
 * Replaces the stored session: puts `values[i]` under `keys[i]` (inputs not stored yet),
 * the record, and deletes every stored input whose key is not in `keep`.
 */
export async function save(record, keys, values, keep) {
  try {
    const db = await open();
    const tx = db.transaction([SESSION, INPUTS], "readwrite");
    const done = finished(tx);
    try {
      const inputs = tx.objectStore(INPUTS);
      keys.forEach((key, i) => inputs.put(values[i], key));
      tx.objectStore(SESSION).put(record, CURRENT);
      const wanted = new Set(keep);
      const stored = inputs.getAllKeys();
      stored.onsuccess = () => stored.result.filter((key) => !wanted.has(key)).forEach((key) => inputs.delete(key));
    } catch (error) {
      // A put that throws (some browsers report the quota so): nothing of this save is kept.
      try {
        tx.abort();
      } catch {}
      await done.catch(() => {});
      throw error;
    }
    await done;
  } catch (error) {
    throw reason(error);
  }
}

/** Deletes the stored session and every stored input. */
export async function clear() {
  try {
    const db = await open();
    const tx = db.transaction([SESSION, INPUTS], "readwrite");
    tx.objectStore(SESSION).clear();
    tx.objectStore(INPUTS).clear();
    await finished(tx);
  } catch (error) {
    throw reason(error);
  }
}
