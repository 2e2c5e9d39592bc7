/**
 * State that outlives the screen which first made it must not belong to that
 * screen. A `$derived` belongs to the effect running when it is created; a
 * rune class constructed while a screen sets itself up hands its deriveds to
 * that screen, and once the screen is left they stop updating and answer
 * their last value forever (Svelte's `derived_inert` warning). That was issue
 * 12's "results show the previous run": the results state, kept across
 * screens, showed the grid of whichever run was open when Results was first
 * left.
 *
 * `ownedByPage` makes such state under an effect root that is never torn
 * down, so it lives exactly as long as the page, like the states App makes.
 * Rejected: making every kept state in App (their code would load with the
 * first screen, not with theirs), and plain getters instead of `$derived`
 * (the grid and its figures would be recomputed on every read).
 */
export function ownedByPage<T>(make: () => T): T {
  let made: { value: T } | undefined;
  $effect.root(() => {
    made = { value: make() };
  });
  if (!made) throw new Error('ownedByPage: $effect.root did not run its function');
  return made.value;
}
