import { render } from '@testing-library/react';
import { ReactElement } from 'react';
import { MemoryRouter, Outlet, Route, Routes } from 'react-router-dom';
import { vi } from 'vitest';
import { InstanceView } from '../api/instances';
import { InstanceContext } from '../features/instances/instanceContext';

export const INSTANCE: InstanceView = {
  id: 'MQ_INST_test',
  name: 'orders',
  description: null,
  cluster: 'local',
  tier: 'single_node',
  quotas: { maxTopics: 10, maxGroups: 10, retentionHours: 72, maxMessageBytes: 4194304 },
  createdAt: '2026-11-22T01:00:00Z',
  updatedAt: '2026-11-22T01:00:00Z',
  version: 1,
};

/** Renders a page of one instance as InstanceLayout would, with an unlocked instance unless `reason` is given. */
export function renderInInstance(page: ReactElement, reason: string | null = null) {
  const refresh = vi.fn();
  const context: InstanceContext = { instance: INSTANCE, lock: { window: null, reason, refresh }, reason };
  render(
    <MemoryRouter>
      <Routes>
        <Route element={<Outlet context={context} />}>
          <Route index element={page} />
        </Route>
      </Routes>
    </MemoryRouter>,
  );
  return { refresh };
}
