/**
 * The largest run Floorcheck handles: imported files are held to these
 * (src/core/exchange/run-shape.ts) and the results screen never draws more
 * of a declared matrix than they allow (src/core/results/grid-model.ts).
 *
 * Why: a 74 KB file declaring 1,000 models × 1,000 conditions × 1,000 items
 * (and no results) once crashed the results screen on every visit, and
 * 100 × 100 × 1,000 froze it for 16 s. The limits sit far above any run a
 * browser makes (the catalogue has a few dozen models, the run editor nine
 * condition presets, the largest public set ~4,300 items, and a million
 * answers is days of GPU time) and low enough that every screen can draw the
 * declared matrix. docs/file-formats.md lists them with these reasons.
 */
export const RUN_LIMITS = {
  /** Models per run. */
  models: 50,
  /** Conditions per run. */
  conditions: 50,
  /** Grid columns (models × conditions): the grid draws each of them on every row in view. */
  columns: 250,
  /** Items per run: over 20 times the largest public set. */
  items: 100_000,
  /** Declared answers (models × conditions × items). */
  cells: 1_000_000,
  /** Characters in one id (run, model, item). */
  idChars: 1_000,
} as const;
