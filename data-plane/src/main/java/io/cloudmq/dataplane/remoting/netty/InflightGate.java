package io.cloudmq.dataplane.remoting.netty;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;

/**
 * Per-connection backpressure: counts the connection's requests that are dispatched but not yet answered,
 * and the requests parked because their executor was full, and stops reading the connection
 * ({@code autoRead=false}) while it has {@code highWaterMark} requests in flight or any parked; reading
 * resumes once in-flight requests drop to {@code lowWaterMark} and none is parked. Bytes already read keep
 * being decoded, so the in-flight count may overshoot the mark by one read's worth of frames. After
 * {@link #closeWhenIdle()} the connection is no longer read and is closed once nothing is in flight.
 *
 * <p>Not thread-safe: every method runs on the channel's event loop.
 */
final class InflightGate {
    private final Channel channel;
    private final int highWaterMark;
    private final int lowWaterMark;
    private int inflight;
    private int parked;
    private boolean paused;
    private boolean closing;

    InflightGate(Channel channel, int highWaterMark, int lowWaterMark) {
        this.channel = channel;
        this.highWaterMark = highWaterMark;
        this.lowWaterMark = lowWaterMark;
    }

    void acquire() {
        inflight++;
        update();
    }

    void release() {
        inflight--;
        update();
        closeIfIdle();
    }

    /** Stops reading the connection for good and closes it as soon as no request is in flight. */
    void closeWhenIdle() {
        closing = true;
        channel.config().setAutoRead(false);
        closeIfIdle();
    }

    /** Whether {@link #closeWhenIdle()} was called: further requests are dropped unanswered. */
    boolean isClosing() {
        return closing;
    }

    /** Closes behind the answers already written (writes are ordered), so none of them is cut off. */
    private void closeIfIdle() {
        if (closing && inflight == 0 && channel.isActive()) {
            channel.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
        }
    }

    void park() {
        parked++;
        update();
    }

    void unpark() {
        parked--;
        update();
    }

    private void update() {
        if (closing) {
            return;
        }
        boolean pause = parked > 0 || inflight >= highWaterMark || (paused && inflight > lowWaterMark);
        if (pause != paused) {
            paused = pause;
            channel.config().setAutoRead(!pause);
        }
    }
}
