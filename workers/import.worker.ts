/**
 * The import worker: exposes `ImportApi` with comlink. Parsing lives in
 * src/core/prompts (the command line runs the same code); saving goes through
 * src/storage, opened for the one write and closed again, so this connection
 * never holds up a database upgrade in another tab.
 */
import * as Comlink from 'comlink';
import { openDatabase } from '../src/storage/db';
import { putPromptSet } from '../src/storage/prompt-sets';
import type { ImportApi } from './import-api';
import { createImportService } from './import-service';

const api = createImportService({
  async store(set, database) {
    const db = await openDatabase({ name: database });
    if (!db.ok) throw db.error;
    try {
      await putPromptSet(db.value, set);
    } finally {
      db.value.close();
    }
  },
}) satisfies ImportApi;

Comlink.expose(api);
