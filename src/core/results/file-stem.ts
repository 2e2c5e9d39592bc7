/**
 * A file name stem from a run's name for the files the results screen saves
 * ("UX run B (timing)" → "UX-run-B-timing"): runs of anything but letters,
 * digits, dots and dashes become one dash, with none left at either end
 * (a trailing dash made "UX-run-B-timing-.floorcheck.json").
 */
const MAX_LENGTH = 60;

export function fileStem(name: string | undefined, fallback = 'floorcheck'): string {
  const stem = (name ?? '')
    .replace(/[^\w.-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .slice(0, MAX_LENGTH)
    .replace(/^[-.]+|[-.]+$/g, '');
  return stem || fallback;
}
