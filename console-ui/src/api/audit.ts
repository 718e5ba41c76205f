import { apiRequest, Page } from './http';

export interface AuditEventView {
  id: string;
  keyId: string | null;
  action: string;
  resource: string;
  status: number;
  outcome: string;
  occurredAt: string;
}

export function listAuditEvents(): Promise<Page<AuditEventView>> {
  return apiRequest('GET', '/api/v1/audit-events?pageSize=100');
}
