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

export interface InstanceRoute {
  /** Why changes are disabled; unlocked by default. */
  reason?: string | null;
  /** Route path of the page below the instance (e.g. `topics/:topic`) and the URL shown (`/topics/orders`). */
  path?: string;
  url?: string;
}

/** Renders a page of one instance as InstanceLayout would. */
export function renderInInstance(page: ReactElement, { reason = null, path, url = '/' }: InstanceRoute = {}) {
  const refresh = vi.fn();
  const context: InstanceContext = { instance: INSTANCE, lock: { window: null, reason, refresh }, reason };
  render(
    <MemoryRouter initialEntries={[url]}>
      <Routes>
        <Route element={<Outlet context={context} />}>
          {path === undefined ? <Route index element={page} /> : <Route path={path} element={page} />}
        </Route>
      </Routes>
    </MemoryRouter>,
  );
  return { refresh };
}
