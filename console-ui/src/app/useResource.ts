import { useCallback, useEffect, useState } from 'react';
import { ApiProblem } from '../api/http';

/** Something loaded from the API: its value once loaded, the problem if loading failed, and a reload. */
export interface Resource<T> {
  data: T | null;
  problem: ApiProblem | null;
  reload: () => void;
}

function asProblem(error: unknown): ApiProblem {
  return error instanceof ApiProblem ? error : new ApiProblem(0, 'client', 'Unexpected error', String(error));
}

/** Loads with `load` whenever `key` changes or `reload` is called. */
export function useResource<T>(load: () => Promise<T>, key: string): Resource<T> {
  const [data, setData] = useState<T | null>(null);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    let current = true;
    load().then(
      (value) => current && (setData(value), setProblem(null)),
      (error: unknown) => current && setProblem(asProblem(error)),
    );
    return () => {
      current = false;
    };
    // `load` is recreated each render; `key` names what it loads.
  }, [key, generation]);
  const reload = useCallback(() => setGeneration((value) => value + 1), []);
  return { data, problem, reload };
}

/** A change sent to the API: `run` resolves null on success or the problem, which stays shown until the next run. */
export function useMutation() {
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [busy, setBusy] = useState(false);
  const run = useCallback(async (change: () => Promise<unknown>): Promise<ApiProblem | null> => {
    setBusy(true);
    setProblem(null);
    try {
      await change();
      return null;
    } catch (error) {
      const failure = asProblem(error);
      setProblem(failure);
      return failure;
    } finally {
      setBusy(false);
    }
  }, []);
  return { problem, busy, run };
}

/**
 * Calls `tick` every `intervalMs` while the component is shown and `active` holds (e.g. to reload a metrics
 * history, or a progress until it ends).
 */
export function useInterval(tick: () => void, intervalMs: number, active = true): void {
  useEffect(() => {
    if (!active) {
      return undefined;
    }
    const timer = setInterval(tick, intervalMs);
    return () => clearInterval(timer);
  }, [tick, intervalMs, active]);
}
