package io.cloudmq.controlplane.upgrade;

import io.cloudmq.api.node.NodeServingView;
import io.cloudmq.api.node.NodeView;
import io.cloudmq.api.node.ReplicationView;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** An {@link UpgradeNodeControl} answering set outcomes and recording every call as {@code action:nodeId}. */
final class FakeNodeControl implements UpgradeNodeControl {
    final List<String> calls = new ArrayList<>();
    StepOutcome fence = StepOutcome.ok("fenced");
    StepOutcome drain = StepOutcome.ok("left");
    StepOutcome restart = StepOutcome.ok("launched");
    /** What {@link #prepareRestart} answers: whether a hot successor waits. */
    boolean prepared = true;
    @Nullable ReplicationView replication;
    /** What {@link #serving} answers; not recorded in {@link #calls}. */
    @Nullable NodeServingView serving;
    boolean fenced = true;
    @Nullable Set<String> registered;

    @Override
    public StepOutcome fence(NodeView node) {
        calls.add("fence:" + node.nodeId());
        return fence;
    }

    @Override
    public StepOutcome drain(NodeView node) {
        calls.add("drain:" + node.nodeId());
        return drain;
    }

    @Override
    public boolean prepareRestart(NodeView node, String version) {
        calls.add("prepare:" + node.nodeId() + "@" + version);
        return prepared;
    }

    @Override
    public void discardPreparedRestart(NodeView node) {
        calls.add("discard:" + node.nodeId());
    }

    @Override
    public StepOutcome restart(NodeView node, String version) {
        calls.add("restart:" + node.nodeId() + "@" + version);
        return restart;
    }

    @Override
    public Optional<NodeServingView> serving(NodeView node) {
        return Optional.ofNullable(serving);
    }

    @Override
    public Optional<ReplicationView> replication(NodeView node) {
        calls.add("replication:" + node.nodeId());
        return Optional.ofNullable(replication);
    }

    @Override
    public boolean fenced(NodeView node) {
        calls.add("fenced:" + node.nodeId());
        return fenced;
    }

    @Override
    public Optional<Set<String>> registeredBrokers(NodeView nameServer) {
        calls.add("registered:" + nameServer.nodeId());
        return Optional.ofNullable(registered);
    }
}
