import { renderHook, waitFor } from '@testing-library/react';
import { afterEach, vi } from 'vitest';
import { UpgradeWindowState } from '../../api/upgrades';
import { useUpgradeLock } from './useUpgradeLock';

function windowsAnswer(...states: UpgradeWindowState[]) {
  const items = states.map((state, index) => ({
    id: `w-${index}`, cluster: 'local', state, startsAt: '2026-11-22T02:00:00Z', duration: 'PT1H',
    endsAt: '2026-11-22T03:00:00Z', targetVersion: '0.2.0', startedAt: null, finishedAt: null, version: 1,
  }));
  const fetchMock = vi.fn().mockResolvedValue(new Response(JSON.stringify({ items, nextPageToken: null }),
    { status: 200, headers: { 'Content-Type': 'application/json' } }));
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

afterEach(() => vi.unstubAllGlobals());

describe('useUpgradeLock', () => {
  it('finds the in-progress window among scheduled and finished ones', async () => {
    const fetchMock = windowsAnswer('SCHEDULED', 'COMPLETED', 'IN_PROGRESS', 'CANCELLED');
    const { result } = renderHook(() => useUpgradeLock('local'));
    await waitFor(() => expect(result.current.window?.id).toBe('w-2'));
    expect(result.current.reason).toBe('Locked by upgrade window w-2 until 2026-11-22T03:00:00Z');
    expect(fetchMock).toHaveBeenCalledWith('/api/v1/clusters/local/upgrade-windows?pageSize=100', expect.anything());
  });

  it('does not lock for scheduled or finished windows, but disables changes until the windows are read', async () => {
    windowsAnswer('SCHEDULED', 'FAILED');
    const { result } = renderHook(() => useUpgradeLock('local'));
    expect(result.current.reason).toBe('Checking for a running upgrade window…');
    await waitFor(() => expect(result.current.reason).toBeNull());
    expect(result.current.window).toBeNull();
  });
});
