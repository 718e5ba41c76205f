package io.cloudmq.dataplane.broker.registration;

/**
 * Who a broker is on the name servers.
 *
 * @param brokerId 0 for the master of the group, &gt;0 for a slave
 * @param brokerAddr the {@code host:port} clients connect to
 * @param haServerAddr the {@code host:port} slaves replicate from
 * @param epoch the leadership epoch of the broker's log (its epoch history's last term, 0 without one), sent
 *     as the registration's {@code dataVersion.stateVersion}
 */
public record BrokerIdentity(
        String clusterName, String brokerName, long brokerId, String brokerAddr, String haServerAddr, long epoch) {}
