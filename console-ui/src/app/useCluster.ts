import { useSearchParams } from 'react-router-dom';

/** The cluster a cluster-wide page shows: `?cluster=` or the standalone default `local`. */
export function useCluster(): string {
  const [params] = useSearchParams();
  return params.get('cluster') ?? 'local';
}
