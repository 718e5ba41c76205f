import { allPages, apiRequest, seg } from './http';

export const CREDENTIAL_ROLES = ['pub', 'sub', 'pub+sub'] as const;
export type CredentialRole = (typeof CREDENTIAL_ROLES)[number];

/** A credential of an instance, without its SecretKey. Empty topics/groups = every one of the instance. */
export interface CredentialView {
  instanceId: string;
  accessKey: string;
  role: CredentialRole;
  topics: string[];
  groups: string[];
  enabled: boolean;
  createdAt: string;
  lastUsedAt: string | null;
}

/** The answer to a create: the only time the SecretKey is ever shown. */
export interface CreatedCredentialView {
  credential: CredentialView;
  secretKey: string;
}

export interface CreateCredentialRequest {
  role: CredentialRole;
  topics: string[];
  groups: string[];
}

const base = (instanceId: string) => `/api/v1/instances/${seg(instanceId)}/credentials`;

export function listCredentials(instanceId: string): Promise<CredentialView[]> {
  return allPages(base(instanceId));
}

export function createCredential(instanceId: string, request: CreateCredentialRequest): Promise<CreatedCredentialView> {
  return apiRequest('POST', base(instanceId), request);
}

export function setCredentialEnabled(instanceId: string, accessKey: string, enabled: boolean): Promise<CredentialView> {
  return apiRequest('POST', `${base(instanceId)}/${seg(accessKey)}/${enabled ? 'enable' : 'disable'}`);
}

export function deleteCredential(instanceId: string, accessKey: string): Promise<void> {
  return apiRequest('DELETE', `${base(instanceId)}/${seg(accessKey)}`);
}
