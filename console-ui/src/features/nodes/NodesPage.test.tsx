import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach } from 'vitest';
import { ClusterView } from '../../api/clusters';
import { SwitchoverJobView } from '../../api/failover';
import { NodeView } from '../../api/nodes';
import { renderRoute } from '../../test/renderRoute';
import { problem, stubApi } from '../../test/stubApi';
import { NodesPage } from './NodesPage';

function broker(nodeId: string, brokerId: number, role: 'SYNC_MASTER' | 'SLAVE', lagBytes: number): NodeView {
  return {
    nodeId, role: 'BROKER', brokerName: nodeId.slice(0, 8), brokerId, state: 'UP', version: '0.1.0', pid: 42,
    startedAt: '2026-11-22T04:00:00Z', lastSeenAt: '2026-11-22T04:05:00Z', remotingAddress: '127.0.0.1:10911',
    replication: { brokerRole: role, epoch: 3, endOffset: 4096, confirmedOffset: 4096 - lagBytes, lagBytes,
      lagMillis: lagBytes === 0 ? 0 : 3250, inSync: lagBytes === 0, checkedAt: '2026-11-22T04:05:00Z' },
    recovery: { mode: 'NORMAL', durationMillis: 12, recoveredOffset: 4096, tornTailTruncated: false },
  };
}

const NODES: NodeView[] = [
  { ...broker('namesrv-0', 0, 'SLAVE', 0), role: 'NAMESRV', brokerName: null, brokerId: null, replication: null,
    recovery: null },
  broker('broker-b-0', 0, 'SYNC_MASTER', 0),
  { ...broker('broker-b-1', 1, 'SLAVE', 512),
    recovery: { mode: 'CRASH', durationMillis: 1500, recoveredOffset: 3584, tornTailTruncated: true } },
];
const CLUSTER: ClusterView = {
  id: 'local', maxRetentionHours: 168, brokerGroups: ['broker-b'], brokerGroupRoles: { 'broker-b': 'SYNC_MASTER' },
};

/** The cluster for its own path, the node list for every other read. */
function read(path: string) {
  return { status: 200, body: path.endsWith('/api/v1/clusters/local') ? CLUSTER : NODES };
}
const JOB: SwitchoverJobView = {
  id: 'job-1', brokerName: 'broker-b', fromNodeId: 'broker-b-0', toNodeId: 'broker-b-1', state: 'PENDING',
  epoch: null, detail: null, createdAt: '2026-11-22T04:00:00Z', updatedAt: '2026-11-22T04:00:00Z',
};

afterEach(() => vi.unstubAllGlobals());

describe('NodesPage', () => {
  it('shows each broker\'s replication, store recovery and group role, and none of them for a name server', async () => {
    stubApi((_method, path) => read(path));
    renderRoute(<NodesPage />, 'nodes', '/nodes');
    const row = (nodeId: string) => document.querySelector(`tr[data-node-id="${nodeId}"]`) as HTMLElement;
    await waitFor(() => expect(row('broker-b-1')).not.toBeNull());
    const slave = row('broker-b-1');
    expect(slave.querySelector('.replication-role')).toHaveTextContent('SLAVE');
    expect(slave.querySelector('.epoch')).toHaveTextContent('3');
    expect(slave.querySelector('.lag-bytes')).toHaveTextContent('512');
    expect(slave.querySelector('.lag-time')).toHaveTextContent('3.25 s');
    expect(slave.querySelector('.in-sync')).toHaveTextContent('no');
    const master = row('broker-b-0');
    expect(master.querySelector('.in-sync')).toHaveTextContent('yes');
    expect(master.querySelector('.lag-time')).toHaveTextContent('0 ms');
    expect(row('namesrv-0').querySelector('.replication-role')).toBeNull();
    expect(master.querySelector('.recovery')).toHaveTextContent('NORMAL · 12 ms');
    expect(slave.querySelector('.recovery')).toHaveTextContent('CRASH · 1.50 s · torn tail cut');
    expect(slave.querySelector('.recovery')).toHaveClass('down');
    expect(row('namesrv-0').querySelector('.recovery')).toHaveTextContent('–');
    const group = document.querySelector('tr[data-broker-group="broker-b"]') as HTMLElement;
    await waitFor(() => expect(group.querySelector('.configured-role')).toHaveTextContent('SYNC_MASTER'));
    expect(group.querySelector('.master')).toHaveTextContent('broker-b-0');
    expect(group.querySelector('.slaves')).toHaveTextContent('broker-b-1');
  });

  it('starts a switchover, follows its job to the end and reads the nodes again', async () => {
    const states: SwitchoverJobView['state'][] = ['DRAINING', 'REJOINING', 'SUCCEEDED'];
    const fetchMock = stubApi((method, path) => {
      if (method === 'POST') return { status: 202, body: JOB };
      if (path.includes('/switchover-jobs/')) {
        return { status: 200, body: { ...JOB, state: states.shift() ?? 'SUCCEEDED', epoch: 4 } };
      }
      return read(path);
    });
    renderRoute(<NodesPage />, 'nodes', '/nodes');
    const group = (await screen.findByRole('row', { name: /broker-b-0 broker-b-1/ })) as HTMLElement;
    fireEvent.click(within(group).getByRole('button', { name: 'Switch over' }));
    const status = await within(group).findByRole('status', { name: 'Switchover of broker-b' });
    expect(within(group).getByRole('button', { name: 'Switch over' })).toBeDisabled();
    await waitFor(() => expect(status).toHaveAttribute('data-state', 'SUCCEEDED'));
    expect(status).toHaveTextContent('broker-b-1 leads in epoch 4, broker-b-0 follows');
    expect(within(group).getByRole('button', { name: 'Switch over' })).toBeEnabled();
    const calls = () => fetchMock.mock.calls.map(([called, init]) => `${init.method} ${called}`);
    await waitFor(() => expect(calls().filter((call) => call === 'GET /api/v1/clusters/local/nodes')).toHaveLength(2));
    expect(calls()).toContain('POST /api/v1/clusters/local/broker-groups/broker-b/switchover');
    expect(calls().filter((call) => call === 'GET /api/v1/clusters/local/switchover-jobs/job-1')).toHaveLength(3);
    const post = fetchMock.mock.calls.find(([, init]) => init.method === 'POST');
    expect((post?.[1].headers as Record<string, string>)['Idempotency-Key']).toMatch(/^[0-9a-f]{32}$/);
  });

  it('shows a refused switchover next to its button', async () => {
    stubApi((method, path) => (method === 'POST'
      ? problem(409, 'CONFLICT', 'Request conflicts with the current state',
        'Broker group broker-b cannot switch over while upgrade window w-1 of cluster local is SCHEDULED')
      : read(path)));
    renderRoute(<NodesPage />, 'nodes', '/nodes');
    const group = (await screen.findByRole('row', { name: /broker-b-0 broker-b-1/ })) as HTMLElement;
    fireEvent.click(within(group).getByRole('button', { name: 'Switch over' }));
    expect(await within(group).findByRole('alert'))
      .toHaveTextContent('upgrade window w-1 of cluster local is SCHEDULED');
    expect(within(group).queryByRole('status')).toBeNull();
  });
});
