import { fireEvent, render, screen, within } from '@testing-library/react';
import { vi } from 'vitest';
import { ApiProblem } from '../../api/http';
import { OffsetResetView } from '../../api/consumerGroups';
import { OffsetResetPreview } from './OffsetResetPreview';

const preview: OffsetResetView = {
  id: null,
  group: 'billing',
  target: 'TIMESTAMP',
  timestamp: '2026-11-22T03:00:00Z',
  dryRun: true,
  createdAt: '2026-11-22T04:00:00Z',
  undoneAt: null,
  queues: [
    { topic: 'orders', brokerName: 'broker-a', queueId: 0, currentOffset: 30, newOffset: 10, skipped: 0,
      redelivered: 20 },
    { topic: 'orders', brokerName: 'broker-a', queueId: 1, currentOffset: 5, newOffset: 9, skipped: 4,
      redelivered: 0 },
  ],
  totalSkipped: 4,
  totalRedelivered: 20,
};

function row(queue: string) {
  return document.querySelector(`tr[data-queue="${queue}"]`) as HTMLElement;
}

describe('OffsetResetPreview', () => {
  it('shows per queue the current and new offset and what is skipped or delivered again, with totals', () => {
    render(<OffsetResetPreview preview={preview} onApply={vi.fn()} busy={false} reason={null} problem={null} />);
    const first = row('orders/broker-a/0');
    expect(first.querySelector('.current-offset')).toHaveTextContent('30');
    expect(first.querySelector('.new-offset')).toHaveTextContent('10');
    expect(first.querySelector('.redelivered')).toHaveTextContent('20');
    expect(row('orders/broker-a/1').querySelector('.skipped')).toHaveTextContent('4');
    expect(screen.getByTestId('total-skipped')).toHaveTextContent('4');
    expect(screen.getByTestId('total-redelivered')).toHaveTextContent('20');
    expect(screen.getByRole('heading')).toHaveTextContent('reset to TIMESTAMP 2026-11-22T03:00:00Z');
  });

  it('applies on the button', () => {
    const onApply = vi.fn();
    render(<OffsetResetPreview preview={preview} onApply={onApply} busy={false} reason={null} problem={null} />);
    fireEvent.click(screen.getByRole('button', { name: 'Apply reset' }));
    expect(onApply).toHaveBeenCalledTimes(1);
  });

  it('disables applying with the reason, and shows a refusal next to the button', () => {
    const locked = new ApiProblem(423, 'INSTANCE_LOCKED', 'Instance is locked', 'locked by upgrade window w-1');
    render(<OffsetResetPreview preview={preview} onApply={vi.fn()} busy={false} reason="Locked by upgrade window w-1"
      problem={locked} />);
    const apply = screen.getByRole('button', { name: 'Apply reset' });
    expect(apply).toBeDisabled();
    const actions = apply.parentElement as HTMLElement;
    expect(actions).toHaveTextContent('Locked by upgrade window w-1');
    expect(within(actions).getByRole('alert'))
      .toHaveTextContent('Locked by an upgrade window: locked by upgrade window w-1');
  });

  it('says so when the group has no offsets to reset', () => {
    render(<OffsetResetPreview preview={{ ...preview, queues: [], totalSkipped: 0, totalRedelivered: 0 }}
      onApply={vi.fn()} busy={false} reason={null} problem={null} />);
    expect(screen.getByRole('region', { name: 'Offset reset preview' })).toHaveTextContent('nothing to reset');
  });
});
