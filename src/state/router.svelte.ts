/**
 * The app's location: which screen is open, from `?view=` in the URL, so a
 * screen can be bookmarked and survives a reload. Other query parameters
 * (`engine`, result filters) belong to whoever reads them; navigating keeps
 * `engine` so a simulated session stays simulated.
 */

export const VIEWS = ['models', 'sets', 'runs', 'results', 'speed'] as const;
export type ViewName = (typeof VIEWS)[number];

const KEEP = ['engine', 'sim-rate', 'sim-download-ms', 'sim-fail', 'speed-driver'];

function readView(search: string): ViewName {
  const value = new URLSearchParams(search).get('view');
  return (VIEWS as readonly string[]).includes(value ?? '') ? (value as ViewName) : 'models';
}

export class Router {
  #view = $state<ViewName>(readView(location.search));
  #search = $state(location.search);

  constructor() {
    addEventListener('popstate', () => {
      this.#view = readView(location.search);
      this.#search = location.search;
    });
  }

  get view(): ViewName {
    return this.#view;
  }

  /** The current query string, for views that keep their own state in it. */
  get search(): string {
    return this.#search;
  }

  go(view: ViewName, params: Record<string, string> = {}): void {
    const current = new URLSearchParams(location.search);
    const next = new URLSearchParams();
    for (const key of KEEP) {
      const value = current.get(key);
      if (value !== null) next.set(key, value);
    }
    next.set('view', view);
    for (const [key, value] of Object.entries(params)) next.set(key, value);
    history.pushState(null, '', `?${next.toString()}`);
    this.#view = view;
    this.#search = location.search;
  }

  /** Replaces query parameters of the current view without a new history entry. */
  replaceParams(params: Record<string, string | null>): void {
    const next = new URLSearchParams(location.search);
    for (const [key, value] of Object.entries(params)) {
      if (value === null || value === '') next.delete(key);
      else next.set(key, value);
    }
    history.replaceState(null, '', `?${next.toString()}`);
    this.#search = location.search;
  }
}
