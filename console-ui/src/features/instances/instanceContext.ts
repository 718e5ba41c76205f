import { useOutletContext } from 'react-router-dom';
import { InstanceView } from '../../api/instances';
import { UpgradeLock } from '../upgrades/useUpgradeLock';

/** What every page of one instance gets from {@link InstanceLayout}. */
export interface InstanceContext {
  instance: InstanceView;
  lock: UpgradeLock;
  /** Why changes of this instance are disabled (upgrade lock or role), or null. */
  reason: string | null;
}

export function useInstanceContext(): InstanceContext {
  return useOutletContext<InstanceContext>();
}
