import { ObservedProducerGroup } from '../../api/upgrades';

/**
 * The request member for the observed producer groups: sent when there are some, or always when the
 * server already shows the field (so that removing the last one clears it); a server that does not know the
 * field refuses unknown members, so an empty list is not sent to it.
 */
export function observedGroupsMember(groups: ObservedProducerGroup[], serverKnowsField: boolean):
  { observedProducerGroups?: ObservedProducerGroup[] } {
  const filled = groups.filter((group) => group.instanceId.trim() !== '' && group.producerGroup.trim() !== '');
  return filled.length > 0 || serverKnowsField ? { observedProducerGroups: filled } : {};
}

/** An editable list of producer groups (instance + group) whose failed sends the window's report counts. */
export function ProducerGroupsField({ groups, onChange }: {
  groups: ObservedProducerGroup[];
  onChange: (groups: ObservedProducerGroup[]) => void;
}) {
  const change = (index: number, member: Partial<ObservedProducerGroup>) =>
    onChange(groups.map((group, at) => (at === index ? { ...group, ...member } : group)));
  return (
    <fieldset className="producer-groups" aria-label="Observed producer groups">
      <legend>Observed producer groups (optional)</legend>
      {groups.map((group, index) => (
        <span key={index} className="producer-group">
          <input aria-label={`Instance of producer group ${index + 1}`} placeholder="MQ_INST_…"
            value={group.instanceId}
            onChange={(e) => change(index, { instanceId: e.target.value })} />
          <input aria-label={`Producer group ${index + 1}`} placeholder="producer group" value={group.producerGroup}
            onChange={(e) => change(index, { producerGroup: e.target.value })} />
          <button type="button" onClick={() => onChange(groups.filter((_, at) => at !== index))}>Remove</button>
        </span>
      ))}
      <button type="button" onClick={() => onChange([...groups, { instanceId: '', producerGroup: '' }])}>
        Add producer group
      </button>
    </fieldset>
  );
}
