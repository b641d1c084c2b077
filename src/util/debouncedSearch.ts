// A search as the user types: asked once the typing pauses, the request before it
// aborted, and an answer that comes after a newer question never shown. Pure code
// (timers and AbortController): a fast typist sends one request, not one per key.

export interface DebouncedSearch {
  /** Asks for `query` once nothing else is typed for the delay; undefined only cancels. */
  search(query: string | undefined): void;
  /** Cancels the pending question and aborts the request under way. */
  dispose(): void;
}

export interface DebouncedSearchOptions<T> {
  run(query: string, signal: AbortSignal): Promise<T>;
  /** The answer to the latest question only. */
  onAnswer(answer: T, query: string): void;
  /** The failure of the latest question only (never the abort of a superseded one). */
  onError?(error: unknown, query: string): void;
  /** True from a question until its answer (or its cancellation). */
  onBusy?(busy: boolean): void;
  /** 300 ms by default. */
  delayMs?: number;
}

export function debouncedSearch<T>(options: DebouncedSearchOptions<T>): DebouncedSearch {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let current: AbortController | undefined;
  const stop = () => {
    clearTimeout(timer);
    timer = undefined;
    current?.abort();
    current = undefined;
    options.onBusy?.(false);
  };
  return {
    search(query) {
      stop();
      if (query === undefined) return;
      options.onBusy?.(true);
      timer = setTimeout(() => {
        timer = undefined;
        const mine = (current = new AbortController());
        // Whatever comes back, only the latest question's request may answer.
        const settle = (deliver: () => void) => {
          if (current !== mine) return;
          current = undefined;
          options.onBusy?.(false);
          deliver();
        };
        options.run(query, mine.signal).then(
          (answer) => settle(() => options.onAnswer(answer, query)),
          (error: unknown) => settle(() => options.onError?.(error, query)),
        );
      }, options.delayMs ?? 300);
    },
    dispose: stop,
  };
}
