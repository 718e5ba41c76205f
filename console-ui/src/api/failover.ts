import { apiRequest, seg } from './http';

export type SwitchoverJobState = 'PENDING' | 'DRAINING' | 'PROMOTING' | 'REJOINING' | 'SUCCEEDED' | 'FAILED';

/** A planned master switch of a broker group. */
export interface SwitchoverJobView {
  id: string;
  brokerName: string;
  fromNodeId: string;
  toNodeId: string;
  state: SwitchoverJobState;
  epoch: number | null;
  detail: string | null;
  createdAt: string;
  updatedAt: string;
}

/** Whether the job has ended (SUCCEEDED or FAILED). */
export function isJobDone(state: SwitchoverJobState): boolean {
  return state === 'SUCCEEDED' || state === 'FAILED';
}

const cluster = (id: string) => `/api/v1/clusters/${seg(id)}`;

/** Starts a switchover (202 with the job); a repeated key replays the first answer instead of a second job. */
export function startSwitchover(
  clusterId: string,
  brokerName: string,
  idempotencyKey: string,
): Promise<SwitchoverJobView> {
  return apiRequest('POST', `${cluster(clusterId)}/broker-groups/${seg(brokerName)}/switchover`, undefined,
    { 'Idempotency-Key': idempotencyKey });
}

export function getSwitchoverJob(clusterId: string, jobId: string): Promise<SwitchoverJobView> {
  return apiRequest('GET', `${cluster(clusterId)}/switchover-jobs/${seg(jobId)}`);
}
