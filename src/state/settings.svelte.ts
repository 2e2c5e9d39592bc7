/**
 * User settings that outlive a reload (custom models: checked fine-tunes),
 * kept in the IndexedDB settings store. Without a database (IndexedDB refused)
 * they live for the session only, and the app says so.
 */
import type { CustomModel } from '../core/engine/model-record';
import type { FloorcheckDb } from '../storage/db';
import { getSetting, putSetting } from '../storage/settings';

export class SettingsState {
  readonly #db: FloorcheckDb | null;
  #customModels = $state.raw<CustomModel[]>([]);

  constructor(db: FloorcheckDb | null) {
    this.#db = db;
  }

  get customModels(): CustomModel[] {
    return this.#customModels;
  }

  async load(): Promise<void> {
    if (this.#db) this.#customModels = await getSetting(this.#db, 'customModels');
  }

  async addCustomModel(model: CustomModel): Promise<void> {
    await this.#save([...this.#customModels.filter((m) => m.id !== model.id), model]);
  }

  async removeCustomModel(id: string): Promise<void> {
    await this.#save(this.#customModels.filter((m) => m.id !== id));
  }

  async #save(next: CustomModel[]): Promise<void> {
    if (this.#db) await putSetting(this.#db, 'customModels', next);
    this.#customModels = next;
  }
}
