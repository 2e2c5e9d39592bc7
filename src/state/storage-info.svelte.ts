/** What the browser says about our storage: usage, quota, and whether it is persistent. */
import { requestPersistentStorage, storageEstimate, type StorageFigures } from '../storage/persistence';

export class StorageInfo {
  #estimate = $state<StorageFigures | null>(null);
  #persisted = $state<boolean | null>(null);

  get estimate(): StorageFigures | null {
    return this.#estimate;
  }
  get persisted(): boolean | null {
    return this.#persisted;
  }

  async refresh(): Promise<void> {
    this.#estimate = await storageEstimate();
    this.#persisted = (await navigator.storage?.persisted?.()) ?? null;
  }

  /** Asks the browser to keep our data; returns whether it agreed. */
  async persist(): Promise<boolean> {
    this.#persisted = (await requestPersistentStorage()) === 'granted';
    this.#estimate = await storageEstimate();
    return this.#persisted;
  }
}
