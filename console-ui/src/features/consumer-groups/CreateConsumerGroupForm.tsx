import { FormEvent, useState } from 'react';
import { createConsumerGroup, DeliveryOrder } from '../../api/consumerGroups';
import { useMutation } from '../../app/useResource';
import { DisabledReason } from '../../components/DisabledReason';
import { ProblemMessage } from '../../components/ProblemMessage';
import { useInstanceContext } from '../instances/instanceContext';

/** Creates a consumer group of the instance. */
export function CreateConsumerGroupForm({ onCreated }: { onCreated: () => void }) {
  const { instance, lock, reason } = useInstanceContext();
  const [name, setName] = useState('');
  const [deliveryOrder, setDeliveryOrder] = useState<DeliveryOrder>('CONCURRENTLY');
  const [maxRetries, setMaxRetries] = useState(16);
  const { problem, busy, run } = useMutation();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const failure = await run(() => createConsumerGroup(instance.id, { name, deliveryOrder, maxRetries }));
    if (failure === null) {
      setName('');
      onCreated();
    } else if (failure.isLocked) {
      lock.refresh();
    }
  }

  return (
    <form onSubmit={submit} aria-label="Create consumer group">
      <label>
        Group name <input value={name} onChange={(e) => setName(e.target.value)} required />
      </label>
      <label>
        Delivery order{' '}
        <select value={deliveryOrder} onChange={(e) => setDeliveryOrder(e.target.value as DeliveryOrder)}>
          <option value="CONCURRENTLY">CONCURRENTLY</option>
          <option value="ORDERLY">ORDERLY</option>
        </select>
      </label>
      <label>
        Max retries{' '}
        <input
          type="number"
          min={0}
          max={32}
          value={maxRetries}
          onChange={(e) => setMaxRetries(Number(e.target.value))}
        />
      </label>
      <button type="submit" disabled={busy || reason !== null}>Create group</button>
      <DisabledReason reason={reason} />
      <ProblemMessage problem={problem} />
    </form>
  );
}
