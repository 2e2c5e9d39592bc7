/**
 * The run form's fields as the person left them, kept in localStorage so a
 * reload does not lose a half-made configuration: the conditions they added
 * are kept too, checked or not. Read defensively: a draft from an older
 * version, or edited by hand, falls back field by field. `draftFromConfig`
 * turns a run's configuration back into form fields ("Run again").
 */
import { conditionId } from '../core/retrieval/conditions';
import type { GenerationSettings, RunConfig } from '../core/runs/types';

export interface RunDraft {
  setId: string;
  tags: string;
  sampleSize: string;
  sampleSeed: string;
  modelIds: string[];
  /** The conditions checked. */
  conditionIds: string[];
  /** Conditions the person added beyond the presets, checked or not. */
  addedConditionIds?: string[];
  settings: GenerationSettings;
  name: string;
}

const KEY = 'floorcheck-run-draft';

export function loadRunDraft(storage: Pick<Storage, 'getItem'> = localStorage): Partial<RunDraft> {
  try {
    const value: unknown = JSON.parse(storage.getItem(KEY) ?? '{}');
    if (typeof value !== 'object' || value === null) return {};
    const draft = value as Record<string, unknown>;
    const text = (key: string) => (typeof draft[key] === 'string' ? (draft[key] as string) : undefined);
    const list = (key: string) =>
      Array.isArray(draft[key]) && (draft[key] as unknown[]).every((x) => typeof x === 'string')
        ? (draft[key] as string[])
        : undefined;
    const settings = draft.settings as Partial<GenerationSettings> | undefined;
    const out: Partial<RunDraft> = {};
    const assign = <K extends keyof RunDraft>(key: K, v: RunDraft[K] | undefined) => {
      if (v !== undefined) out[key] = v;
    };
    assign('setId', text('setId'));
    assign('tags', text('tags'));
    assign('sampleSize', text('sampleSize'));
    assign('sampleSeed', text('sampleSeed'));
    assign('name', text('name'));
    assign('modelIds', list('modelIds'));
    assign('conditionIds', list('conditionIds'));
    assign('addedConditionIds', list('addedConditionIds'));
    if (settings && typeof settings.systemPrompt === 'string' && typeof settings.templates === 'object') {
      out.settings = settings as GenerationSettings;
    }
    return out;
  } catch {
    return {};
  }
}

export function saveRunDraft(draft: RunDraft, storage: Pick<Storage, 'setItem'> = localStorage): void {
  try {
    storage.setItem(KEY, JSON.stringify(draft));
  } catch {
    // Storage full or refused (private mode): the draft is a convenience, the form still works.
  }
}

/** The form's fields for a run's configuration: every condition of it checked, its conditions offered. */
export function draftFromConfig(config: RunConfig, name: string): RunDraft {
  const conditionIds = config.conditions.map(conditionId);
  return {
    setId: config.setId,
    tags: config.selection.tags.join(', '),
    sampleSize: config.selection.sample ? String(config.selection.sample.size) : '',
    sampleSeed: config.selection.sample ? String(config.selection.sample.seed) : '1',
    modelIds: [...config.modelIds],
    conditionIds,
    addedConditionIds: conditionIds,
    settings: structuredClone(config.settings),
    name,
  };
}
