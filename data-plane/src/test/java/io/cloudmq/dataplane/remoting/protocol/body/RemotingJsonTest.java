package io.cloudmq.dataplane.remoting.protocol.body;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The body-level fastjson2 quirks of spec §8.4 for the name-server bodies. */
class RemotingJsonTest {

    @Test
    void writesRouteWithRocketMqFieldNamesAlphabeticallyAndQuotedBrokerIds() {
        TopicRouteData route = new TopicRouteData(
                List.of(new QueueData("broker-a", 4, 4, 6, 0)),
                List.of(new BrokerData("DefaultCluster", "broker-a", Map.of(1L, "10.0.0.6:10911", 0L, "10.0.0.5:10911"), false)),
                Map.of());

        assertThat(new String(RemotingJson.encode(route), StandardCharsets.UTF_8))
                .isEqualTo("{\"brokerDatas\":[{\"brokerAddrs\":{\"0\":\"10.0.0.5:10911\",\"1\":\"10.0.0.6:10911\"},"
                        + "\"brokerName\":\"broker-a\",\"cluster\":\"DefaultCluster\",\"enableActingMaster\":false}],"
                        + "\"filterServerTable\":{},"
                        + "\"queueDatas\":[{\"brokerName\":\"broker-a\",\"perm\":6,\"readQueueNums\":4,"
                        + "\"topicSysFlag\":0,\"writeQueueNums\":4}]}");
    }

    @Test
    void readsBareNumericMapKeysAsARealNameServerWritesThem() {
        byte[] json = "{\"brokerAddrTable\":{\"b\":{\"brokerAddrs\":{0:\"h:1\",1:\"h:2\"},\"brokerName\":\"b\",\"cluster\":\"c\"}},\"clusterAddrTable\":{\"c\":[\"b\"]}}"
                .getBytes(StandardCharsets.UTF_8);

        ClusterInfo info = RemotingJson.decode(json, ClusterInfo.class);

        assertThat(info.brokerAddrTable().get("b").brokerAddrs()).containsExactly(Map.entry(0L, "h:1"), Map.entry(1L, "h:2"));
        assertThat(info.clusterAddrTable()).containsExactly(Map.entry("c", Set.of("b")));
    }

    @Test
    void writesSetsAsPlainArrays() {
        ClusterInfo info = new ClusterInfo(Map.of(), Map.of("c", Set.of("b")));

        assertThat(new String(RemotingJson.encode(info), StandardCharsets.UTF_8))
                .isEqualTo("{\"brokerAddrTable\":{},\"clusterAddrTable\":{\"c\":[\"b\"]}}");
    }

    @Test
    void readsLongsWrittenAsStringsAndIgnoresUnknownFields() {
        byte[] json = ("{\"filterServerList\":[],\"topicConfigSerializeWrapper\":{\"dataVersion\":{\"counter\":\"3\","
                        + "\"stateVersion\":0,\"timestamp\":\"9007199254740993\"},\"topicConfigTable\":{\"T\":{\"attributes\":{},"
                        + "\"order\":false,\"perm\":6,\"readQueueNums\":8,\"topicFilterType\":\"SINGLE_TAG\","
                        + "\"topicMessageType\":\"NORMAL\",\"topicName\":\"T\",\"topicSysFlag\":0,\"writeQueueNums\":8}},"
                        + "\"topicQueueMappingInfoMap\":{}}}")
                .getBytes(StandardCharsets.UTF_8);

        RegisterBrokerBody body = RemotingJson.decode(json, RegisterBrokerBody.class);

        assertThat(body.topicConfigSerializeWrapper().dataVersion().timestamp()).isEqualTo(9007199254740993L);
        assertThat(body.topicConfigSerializeWrapper().topicConfigTable().get("T")).isEqualTo(TopicConfig.of("T", 8, 6));
    }

    @Test
    void writesTheRegistrationBodyInTheBrokersShape() {
        assertThat(new String(RemotingJson.encode(new RegisterBrokerBody(
                        new TopicConfigSerializeWrapper(Map.of(), new DataVersion(0, 1, 2)), List.of())),
                StandardCharsets.UTF_8))
                .isEqualTo("{\"filterServerList\":[],\"topicConfigSerializeWrapper\":{\"dataVersion\":"
                        + "{\"counter\":2,\"stateVersion\":0,\"timestamp\":1},\"topicConfigTable\":{}}}");
    }
}
