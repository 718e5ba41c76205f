import { PreCheckView } from '../../../api/upgradeProgress';
import { Time } from '../../../components/Time';

/** A pre-check result: go or no-go, each condition with what was found, and what the window locks. */
export function PreCheckResult({ check }: { check: PreCheckView }) {
  return (
    <div className="pre-check" data-go={check.go}>
      <p data-testid="pre-check-verdict" className={check.go ? 'verdict go' : 'verdict no-go'}>
        <strong>{check.go ? 'Go' : 'No go'}</strong> (checked <Time value={check.checkedAt} />)
      </p>
      <table aria-label="Pre-check conditions">
        <thead>
          <tr>
            <th>Condition</th>
            <th>Outcome</th>
            <th>Reason</th>
          </tr>
        </thead>
        <tbody>
          {check.checks.map((item) => (
            <tr key={item.name} data-check={item.name} data-passed={item.passed}>
              <td><code>{item.name}</code></td>
              <td className={item.passed ? 'up' : 'down'}>{item.passed ? 'passed' : 'failed'}</td>
              <td className="detail">{item.detail}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>Locked on every instance of the cluster while the window runs:</p>
      <ul aria-label="Locked operations">
        {check.lockedOperations.map((operation) => (
          <li key={operation}>{operation}</li>
        ))}
      </ul>
    </div>
  );
}
