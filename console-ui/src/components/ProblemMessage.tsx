import { ApiProblem } from '../api/http';

/** An API problem shown next to the control that caused it; a 423 reads as the upgrade lock it is. */
export function ProblemMessage({ problem }: { problem: ApiProblem | null }) {
  if (problem === null) {
    return null;
  }
  const heading = problem.isLocked ? 'Locked by an upgrade window' : problem.title;
  return (
    <div className={problem.isLocked ? 'problem locked' : 'problem'} role="alert" data-code={problem.code}>
      <strong>{heading}</strong>
      {problem.detail && <span>: {problem.detail}</span>}
      {problem.fieldErrors.length > 0 && (
        <ul>
          {problem.fieldErrors.map((error) => (
            <li key={error.field}>
              <code>{error.field}</code> {error.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
