import { ApiProblem } from '../../../api/http';
import { UpgradeReportView } from '../../../api/upgradeReport';
import { Resource } from '../../../app/useResource';
import { ProblemMessage } from '../../../components/ProblemMessage';
import { UpgradeReport } from './UpgradeReport';

/** A 404 that names no resource: the control plane has no report endpoint (an older one), not an unknown window. */
function reportUnsupported(problem: ApiProblem | null): boolean {
  return problem?.status === 404 && problem.members.resource === undefined;
}

/** The report section of the window page; says so clearly when this control plane serves no reports. */
export function ReportSection({ report }: { report: Resource<UpgradeReportView> }) {
  return (
    <section aria-label="Report">
      <h2>Report</h2>
      {reportUnsupported(report.problem) ? (
        <p className="banner" data-testid="report-unavailable">
          No report: this control plane does not serve upgrade reports yet (the report request answered 404).
          Progress and pre-check above do not depend on it.
        </p>
      ) : (
        <ProblemMessage problem={report.problem} />
      )}
      {report.data !== null && <UpgradeReport report={report.data} />}
    </section>
  );
}
