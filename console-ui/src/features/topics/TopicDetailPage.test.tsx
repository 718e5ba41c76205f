import { screen, within } from '@testing-library/react';
import { afterEach } from 'vitest';
import { TopicStatsView } from '../../api/topics';
import { renderInInstance } from '../../test/renderInInstance';
import { problem, stubApi } from '../../test/stubApi';
import { TopicDetailPage } from './TopicDetailPage';

const stats: TopicStatsView = {
  topic: 'orders', messageCount: 40, sendTps: 1.5, receiveTps: 0.25,
  queues: [{ brokerName: 'broker-a', queueId: 0, minOffset: 2, maxOffset: 42, lastStoreTime: '2026-11-22T04:00:00Z' }],
};
const metrics = {
  intervalSeconds: 10,
  points: [
    { at: '2026-11-22T04:00:00Z', values: { sendTps: 1, receiveTps: 0 } },
    { at: '2026-11-22T04:00:10Z', values: { sendTps: 1.5, receiveTps: 0.25 } },
  ],
};

afterEach(() => vi.unstubAllGlobals());

describe('TopicDetailPage', () => {
  it('shows the message count, rates and queues of the stats, and the metrics history as a chart', async () => {
    const fetchMock = stubApi((_method, path) => ({ status: 200, body: path.endsWith('/stats') ? stats : metrics }));
    renderInInstance(<TopicDetailPage />, { path: 'topics/:topic', url: '/topics/orders' });

    expect(await screen.findByTestId('message-count')).toHaveTextContent('40');
    expect(screen.getByTestId('send-tps')).toHaveTextContent('1.50');
    expect(screen.getByTestId('receive-tps')).toHaveTextContent('0.25');
    const queue = document.querySelector('tr[data-queue="broker-a/0"]') as HTMLElement;
    expect(within(queue).getByText('42')).toHaveClass('max-offset');
    const chart = await screen.findByRole('figure', { name: /Send and receive rates/ });
    expect(chart.querySelectorAll('g[data-metric="sendTps"] circle')).toHaveLength(2);
    expect(fetchMock.mock.calls.map(([path]) => path)).toEqual(expect.arrayContaining([
      '/api/v1/instances/MQ_INST_test/topics/orders/stats', '/api/v1/instances/MQ_INST_test/topics/orders/metrics']));
  });

  it('shows an unknown topic as the problem the server answered', async () => {
    stubApi(() => problem(404, 'NOT_FOUND', 'Not found', 'topic orders does not exist'));
    renderInInstance(<TopicDetailPage />, { path: 'topics/:topic', url: '/topics/orders' });
    expect((await screen.findAllByRole('alert'))[0]).toHaveTextContent('topic orders does not exist');
  });
});
