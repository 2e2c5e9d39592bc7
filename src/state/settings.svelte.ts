/**
 * User settings that outlive a reload: custom models (checked fine-tunes),
 * kept in the settings store (IndexedDB in the app, a Map in tests).
 */
import type { CustomModel } from '../../workers/api';

export interface KeyValueStore {
  get<T>(key: string): Promise<T | undefined>;
  set(key: string, value: unknown): Promise<void>;
}

const CUSTOM_MODELS = 'custom-models';

export class SettingsState {
  readonly #store: KeyValueStore;
  #customModels = $state.raw<CustomModel[]>([]);

  constructor(store: KeyValueStore) {
    this.#store = store;
  }

  get customModels(): CustomModel[] {
    return this.#customModels;
  }

  async load(): Promise<void> {
    this.#customModels = (await this.#store.get<CustomModel[]>(CUSTOM_MODELS)) ?? [];
  }

  async addCustomModel(model: CustomModel): Promise<void> {
    const next = [...this.#customModels.filter((m) => m.id !== model.id), model];
    await this.#store.set(CUSTOM_MODELS, next);
    this.#customModels = next;
  }

  async removeCustomModel(id: string): Promise<void> {
    const next = this.#customModels.filter((m) => m.id !== id);
    await this.#store.set(CUSTOM_MODELS, next);
    this.#customModels = next;
  }
}
