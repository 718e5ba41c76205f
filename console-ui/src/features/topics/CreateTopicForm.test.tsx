import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { MemoryRouter, Outlet, Route, Routes } from 'react-router-dom';
import { afterEach, vi } from 'vitest';
import { InstanceView } from '../../api/instances';
import { InstanceContext } from '../instances/instanceContext';
import { CreateTopicForm } from './CreateTopicForm';

const instance = { id: 'MQ_INST_123456789012_abcd1234', name: 'orders', cluster: 'local' } as InstanceView;

function renderForm(reason: string | null, refresh = vi.fn()) {
  const context: InstanceContext = { instance, lock: { window: null, reason, refresh }, reason };
  render(
    <MemoryRouter>
      <Routes>
        <Route element={<Outlet context={context} />}>
          <Route index element={<CreateTopicForm onCreated={() => undefined} />} />
        </Route>
      </Routes>
    </MemoryRouter>,
  );
  return refresh;
}

afterEach(() => vi.unstubAllGlobals());

describe('CreateTopicForm', () => {
  it('is disabled with the lock reason while an upgrade window locks the instance', () => {
    renderForm('Locked by upgrade window w-1 until 2026-11-22T03:00:00Z');
    expect(screen.getByRole('button', { name: 'Create topic' })).toBeDisabled();
    expect(screen.getByText('Locked by upgrade window w-1 until 2026-11-22T03:00:00Z')).toBeVisible();
  });

  it('shows the server 423 of a stale page next to the form and refreshes the lock', async () => {
    vi.stubGlobal('fetch', vi.fn().mockResolvedValue(new Response(JSON.stringify({
      title: 'Instance is locked by an upgrade window', status: 423, code: 'INSTANCE_LOCKED',
      detail: 'Instance MQ_INST_123456789012_abcd1234 is locked by upgrade window w-1',
    }), { status: 423, headers: { 'Content-Type': 'application/problem+json' } })));
    const refresh = renderForm(null);
    fireEvent.change(screen.getByLabelText('Topic name'), { target: { value: 'payments' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create topic' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('is locked by upgrade window w-1');
    await waitFor(() => expect(refresh).toHaveBeenCalledTimes(1));
  });
});
