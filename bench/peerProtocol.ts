/** Messages from the runner to a peer's worker thread. */
export type ToPeer =
  | { readonly type: 'text'; readonly name: string; readonly text: string }
  | {
      readonly type: 'run';
      readonly name: string;
      readonly minSampleMs: number;
      /** Empty the peer's piece memo before each call (untimed), so no call is a cache hit. */
      readonly freshCaches: boolean;
    };

/** Messages from a peer's worker thread back to the runner. */
export type ToRunner =
  | { readonly type: 'ready'; readonly loadMs: number }
  | {
      readonly type: 'result';
      readonly count: number;
      readonly msPerCall: number;
      readonly calls: number;
    }
  | { readonly type: 'error'; readonly message: string };
