import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach } from 'vitest';
import { stubApi } from '../../test/stubApi';
import { windowView } from '../../test/upgradeData';
import { RescheduleWindowForm } from './RescheduleWindowForm';
import { ScheduleWindowForm } from './ScheduleWindowForm';

function posted(fetchMock: ReturnType<typeof stubApi>) {
  return JSON.parse(String(fetchMock.mock.calls[0][1].body));
}

/** Fills the schedule form's target version, then `fill`, submits it and answers the request body. */
async function schedule(fill: () => void) {
  const fetchMock = stubApi(() => ({ status: 201, body: windowView('SCHEDULED') }));
  const onScheduled = vi.fn();
  render(<ScheduleWindowForm cluster="local" onScheduled={onScheduled} />);
  fireEvent.change(screen.getByLabelText('Target version'), { target: { value: '0.2.0' } });
  fill();
  fireEvent.click(screen.getByRole('button', { name: 'Schedule' }));
  await waitFor(() => expect(onScheduled).toHaveBeenCalled());
  return posted(fetchMock);
}

afterEach(() => vi.unstubAllGlobals());

describe('observed producer groups in the window forms', () => {
  it('schedules with the producer groups entered, leaving out a half-filled one', async () => {
    const body = await schedule(() => {
      fireEvent.click(screen.getByRole('button', { name: 'Add producer group' }));
      fireEvent.click(screen.getByRole('button', { name: 'Add producer group' }));
      fireEvent.change(screen.getByLabelText('Instance of producer group 1'), { target: { value: 'MQ_INST_1' } });
      fireEvent.change(screen.getByLabelText('Producer group 1'), { target: { value: 'pg-orders' } });
      fireEvent.change(screen.getByLabelText('Instance of producer group 2'), { target: { value: 'MQ_INST_2' } });
    });
    expect(body.observedProducerGroups).toEqual([{ instanceId: 'MQ_INST_1', producerGroup: 'pg-orders' }]);
    expect(screen.queryByLabelText('Producer group 1')).toBeNull();
  });

  it('sends no member without producer groups, so a server that does not know it accepts the request', async () => {
    expect(await schedule(() => undefined)).not.toHaveProperty('observedProducerGroups');
  });

  it('reschedules with the window\'s groups prefilled, and clears them when the last one is removed', async () => {
    const fetchMock = stubApi(() => ({ status: 200, body: windowView('SCHEDULED') }));
    const onRescheduled = vi.fn();
    render(<RescheduleWindowForm window={windowView('SCHEDULED')} onRescheduled={onRescheduled} />);
    expect(screen.getByLabelText('Producer group 1')).toHaveValue('pg-orders');
    fireEvent.click(screen.getByRole('button', { name: 'Remove' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(onRescheduled).toHaveBeenCalled());
    expect(posted(fetchMock).observedProducerGroups).toEqual([]);
    expect(fetchMock.mock.calls[0][1].method).toBe('PATCH');
  });
});
