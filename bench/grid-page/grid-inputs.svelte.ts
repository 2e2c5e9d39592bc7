/**
 * The grid's inputs for the bench: the view is fixed, the streamed partials
 * are raw state replaced once per frame (as ResultsState does in the app).
 * Getter props keep `mount` reactive without deep-proxying 10,000 cells.
 */
import { NO_PARTIALS } from '../../src/core/results/frame-batcher';
import type { GridView } from '../../src/core/results/grid-query';

export class GridInputs {
  partials = $state.raw<ReadonlyMap<string, string>>(NO_PARTIALS);
  readonly view: GridView;
  readonly runId: string;

  constructor(view: GridView, runId: string) {
    this.view = view;
    this.runId = runId;
  }

  props(): {
    view: GridView;
    runId: string;
    partials: ReadonlyMap<string, string>;
    height: number;
    onopen: () => void;
    onsort: () => void;
  } {
    const partials = (): ReadonlyMap<string, string> => this.partials;
    return {
      view: this.view,
      runId: this.runId,
      get partials() {
        return partials();
      },
      height: 700,
      onopen: () => undefined,
      onsort: () => undefined,
    };
  }
}
