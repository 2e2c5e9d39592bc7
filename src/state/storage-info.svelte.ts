/** What the browser says about our storage: usage, quota, whether it is persistent, and how it answered when asked. */
import {
  requestPersistentStorage,
  storageEstimate,
  type PersistenceAnswer,
  type StorageFigures,
} from '../storage/persistence';

export class StorageInfo {
  #estimate = $state<StorageFigures | null>(null);
  #persisted = $state<boolean | null>(null);
  #answer = $state<PersistenceAnswer | null>(null);

  get estimate(): StorageFigures | null {
    return this.#estimate;
  }
  get persisted(): boolean | null {
    return this.#persisted;
  }
  /** The browser's answer to the last request for persistent storage; null before one. */
  get answer(): PersistenceAnswer | null {
    return this.#answer;
  }

  async refresh(): Promise<void> {
    this.#estimate = await storageEstimate();
    this.#persisted = (await navigator.storage?.persisted?.()) ?? null;
  }

  /** Asks the browser to keep our data; returns whether it agreed. */
  async persist(): Promise<boolean> {
    this.#answer = await requestPersistentStorage();
    this.#persisted = this.#answer === 'granted';
    this.#estimate = await storageEstimate();
    return this.#persisted;
  }
}
