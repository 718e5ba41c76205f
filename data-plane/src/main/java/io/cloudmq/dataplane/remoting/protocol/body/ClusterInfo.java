package io.cloudmq.dataplane.remoting.protocol.body;

import java.util.Map;
import java.util.Set;

/**
 * The body of {@code GET_BROKER_CLUSTER_INFO} (spec §2.3): broker groups by name, and the names of the
 * groups of each cluster.
 */
public record ClusterInfo(Map<String, BrokerData> brokerAddrTable, Map<String, Set<String>> clusterAddrTable) {}
