import { render, screen } from '@testing-library/react';
import { ApiProblem } from '../api/http';
import { ProblemMessage } from './ProblemMessage';

describe('ProblemMessage', () => {
  it('shows a 423 as the upgrade lock with the server detail', () => {
    const problem = new ApiProblem(423, 'INSTANCE_LOCKED', 'Instance is locked by an upgrade window',
      'Instance MQ_INST_1 is locked by upgrade window w-1 of cluster local until 2026-11-22T03:00:00Z');
    render(<ProblemMessage problem={problem} />);
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('Locked by an upgrade window');
    expect(alert).toHaveTextContent('locked by upgrade window w-1 of cluster local until 2026-11-22T03:00:00Z');
    expect(alert).toHaveClass('locked');
  });

  it('lists the offending fields of a validation problem', () => {
    const problem = new ApiProblem(400, 'VALIDATION', 'Request is not valid', '1 field(s) invalid', {
      errors: [{ field: 'name', message: 'must match the topic name rules' }],
    });
    render(<ProblemMessage problem={problem} />);
    expect(screen.getByRole('alert')).toHaveTextContent('Request is not valid: 1 field(s) invalid');
    expect(screen.getByRole('listitem')).toHaveTextContent('name must match the topic name rules');
  });

  it('renders nothing without a problem', () => {
    const { container } = render(<ProblemMessage problem={null} />);
    expect(container).toBeEmptyDOMElement();
  });
});
