/**
 * Light, dark or the system's choice, kept in localStorage (read before the
 * first paint, so a reload does not flash the other theme).
 */

export type ThemeChoice = 'system' | 'light' | 'dark';
const KEY = 'floorcheck-theme';

function read(): ThemeChoice {
  const value = localStorage.getItem(KEY);
  return value === 'light' || value === 'dark' ? value : 'system';
}

export class Theme {
  #choice = $state<ThemeChoice>(read());

  constructor() {
    this.#apply();
  }

  get choice(): ThemeChoice {
    return this.#choice;
  }

  set(choice: ThemeChoice): void {
    this.#choice = choice;
    if (choice === 'system') localStorage.removeItem(KEY);
    else localStorage.setItem(KEY, choice);
    this.#apply();
  }

  #apply(): void {
    if (this.#choice === 'system') delete document.documentElement.dataset.theme;
    else document.documentElement.dataset.theme = this.#choice;
  }
}
