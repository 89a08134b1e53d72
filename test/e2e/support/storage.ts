import type { Page } from '@playwright/test';

/**
 * Everything the page's origin keeps in localStorage, sessionStorage and IndexedDB, as one string
 * to search for secrets.
 */
export function dumpStorage(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const entries = (storage: Storage) => Object.entries({ ...storage });
    const databases: Record<string, unknown> = {};
    for (const { name } of await indexedDB.databases()) {
      if (!name) continue;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      for (const store of db.objectStoreNames) {
        const request = db.transaction(store).objectStore(store).getAll();
        databases[`${name}/${store}`] = await new Promise((resolve) => (request.onsuccess = () => resolve(request.result)));
      }
      db.close();
    }
    return JSON.stringify({ local: entries(localStorage), session: entries(sessionStorage), databases });
  });
}
