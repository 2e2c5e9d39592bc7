/**
 * Settings as typed key/value pairs. `SETTINGS_DEFAULTS` holds what a fresh
 * install reads; a stored value replaces its default whole.
 */
import type { CustomModel } from '../core/engine/model-record';
import type { FloorcheckDb } from './db';
import { guard } from './storage-errors';

export interface Settings {
  theme: 'system' | 'light' | 'dark';
  customModels: CustomModel[];
  /** The answer of `navigator.storage.persist()` once asked, so it is asked once. */
  persistence: 'not-asked' | 'granted' | 'denied' | 'unsupported';
}

export const SETTINGS_DEFAULTS: Settings = {
  theme: 'system',
  customModels: [],
  persistence: 'not-asked',
};

export async function getSetting<K extends keyof Settings>(db: FloorcheckDb, key: K): Promise<Settings[K]> {
  const record = await guard('reading settings', () => db.get('settings', key));
  return record ? (record.value as Settings[K]) : SETTINGS_DEFAULTS[key];
}

export async function putSetting<K extends keyof Settings>(
  db: FloorcheckDb,
  key: K,
  value: Settings[K],
): Promise<void> {
  await guard('saving settings', () => db.put('settings', { key, value }));
}

/** Every setting, defaults filled in. */
export async function getAllSettings(db: FloorcheckDb): Promise<Settings> {
  const records = await guard('reading settings', () => db.getAll('settings'));
  const settings: Settings = { ...SETTINGS_DEFAULTS };
  for (const { key, value } of records) {
    if (key in SETTINGS_DEFAULTS) Object.assign(settings, { [key]: value });
  }
  return settings;
}
