import { listNodes } from '../../api/nodes';
import { CredentialRole } from '../../api/credentials';
import { useResource } from '../../app/useResource';

export const SECRET_PLACEHOLDER = '<SecretKey shown once at creation>';

/** The name server addresses of a cluster as `setNamesrvAddr` takes them, or a placeholder until known. */
function useNameServerAddress(cluster: string): string {
  const nodes = useResource(() => listNodes(cluster), cluster);
  const addresses = (nodes.data ?? []).filter((node) => node.role === 'NAMESRV').map((node) => node.remotingAddress);
  return addresses.length === 0 ? '<name server addresses>' : addresses.join(';');
}

export interface SnippetProps {
  cluster: string;
  namespace: string;
  accessKey: string;
  role: CredentialRole;
  /** The SecretKey right after creation; otherwise a placeholder is shown. */
  secretKey?: string;
  /** A consumer group the credential may use, for the consumer part. */
  group?: string;
}

/**
 * Java code for the official RocketMQ client: requests signed with the credential (AclClientRPCHook) and
 * names in the instance's namespace (setNamespace); a producer for pub, a consumer for sub, both for pub+sub.
 */
export function ConnectionSnippet({ cluster, namespace, accessKey, role, secretKey, group }: SnippetProps) {
  const nameServers = useNameServerAddress(cluster);
  const lines = [
    'import org.apache.rocketmq.acl.common.AclClientRPCHook;',
    'import org.apache.rocketmq.acl.common.SessionCredentials;',
    ...(role === 'sub' ? [] : ['import org.apache.rocketmq.client.producer.DefaultMQProducer;']),
    ...(role === 'pub' ? [] : ['import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;']),
    'import org.apache.rocketmq.remoting.RPCHook;',
    '',
    `RPCHook acl = new AclClientRPCHook(new SessionCredentials("${accessKey}", "${secretKey ?? SECRET_PLACEHOLDER}"));`,
  ];
  if (role !== 'sub') {
    lines.push(
      '',
      'DefaultMQProducer producer = new DefaultMQProducer("my-producer-group", acl);',
      `producer.setNamespace("${namespace}");`,
      `producer.setNamesrvAddr("${nameServers}");`,
      'producer.start();',
    );
  }
  if (role !== 'pub') {
    lines.push(
      '',
      `DefaultMQPushConsumer consumer = new DefaultMQPushConsumer("${group ?? 'my-consumer-group'}", acl);`,
      `consumer.setNamespace("${namespace}");`,
      `consumer.setNamesrvAddr("${nameServers}");`,
    );
  }
  return <pre className="snippet" data-testid="connection-snippet">{lines.join('\n')}</pre>;
}
