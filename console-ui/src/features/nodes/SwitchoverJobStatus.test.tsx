import { render, screen } from '@testing-library/react';
import { SwitchoverJobView } from '../../api/failover';
import { SwitchoverJobStatus } from './SwitchoverJobStatus';

const job: SwitchoverJobView = {
  id: 'job-1', brokerName: 'broker-b', fromNodeId: 'broker-b-0', toNodeId: 'broker-b-1', state: 'PROMOTING',
  epoch: 2, detail: null, createdAt: '2026-11-22T04:00:00Z', updatedAt: '2026-11-22T04:00:02Z',
};

const status = () => screen.getByRole('status', { name: 'Switchover of broker-b' });

describe('SwitchoverJobStatus', () => {
  it('shows a running job with its state, the switch it makes and the new epoch', () => {
    render(<SwitchoverJobStatus job={job} />);
    expect(status()).toHaveAttribute('data-state', 'PROMOTING');
    expect(status()).toHaveAttribute('data-done', 'false');
    expect(status()).toHaveTextContent('Switchover PROMOTING: broker-b-0 → broker-b-1, epoch 2 (watching…)');
  });

  it('shows who leads after a successful switch', () => {
    render(<SwitchoverJobStatus job={{ ...job, state: 'SUCCEEDED' }} />);
    expect(status()).toHaveTextContent('Switchover SUCCEEDED: broker-b-1 leads in epoch 2, broker-b-0 follows');
    expect(status()).toHaveClass('up');
    expect(status()).toHaveAttribute('data-done', 'true');
  });

  it('shows why a failed job stopped', () => {
    const detail = 'broker-b-1 leads in epoch 2; broker-b-0 has not rejoined as its slave within PT2M';
    render(<SwitchoverJobStatus job={{ ...job, state: 'FAILED', detail }} />);
    expect(status()).toHaveTextContent(`Switchover FAILED: ${detail}`);
    expect(status()).toHaveClass('down');
  });
});
