/** What the browser says about our storage: usage, quota, and whether it is persistent. */

export class StorageInfo {
  #estimate = $state<{ usage: number; quota: number } | null>(null);
  #persisted = $state<boolean | null>(null);

  get estimate() {
    return this.#estimate;
  }
  get persisted() {
    return this.#persisted;
  }

  async refresh(): Promise<void> {
    if (!navigator.storage) return;
    const estimate = await navigator.storage.estimate();
    this.#estimate = { usage: estimate.usage ?? 0, quota: estimate.quota ?? 0 };
    this.#persisted = await navigator.storage.persisted();
  }

  /** Asks the browser to keep our data; returns whether it agreed. */
  async persist(): Promise<boolean> {
    if (!navigator.storage?.persist) return false;
    this.#persisted = await navigator.storage.persist();
    await this.refresh();
    return this.#persisted;
  }
}
