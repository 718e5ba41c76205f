package io.cloudmq.dataplane.remoting.netty;

import io.cloudmq.dataplane.remoting.protocol.RemotingCommand;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;

/**
 * Routes each decoded command of one connection: responses to the endpoint's {@link ResponseTable},
 * requests to the {@link RequestDispatcher} under this connection's {@link InflightGate}. Tells the
 * {@link ConnectionListener} about the connection and fails its pending requests when it closes.
 *
 * <p>One instance per channel (it owns the channel's gate); runs on the channel's event loop.
 */
final class RemotingCommandHandler extends SimpleChannelInboundHandler<RemotingCommand> {
    private final RequestDispatcher dispatcher;
    private final ResponseTable responses;
    private final ConnectionListener listener;
    private final int highWaterMark;
    private final int lowWaterMark;
    private InflightGate gate;

    RemotingCommandHandler(
            RequestDispatcher dispatcher, ResponseTable responses, ConnectionListener listener, int highWaterMark,
            int lowWaterMark) {
        this.dispatcher = dispatcher;
        this.responses = responses;
        this.listener = listener;
        this.highWaterMark = highWaterMark;
        this.lowWaterMark = lowWaterMark;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        gate = new InflightGate(ctx.channel(), highWaterMark, lowWaterMark);
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        listener.onConnected(ctx.channel());
        ctx.fireChannelActive();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        responses.failAll(ctx.channel());
        listener.onDisconnected(ctx.channel());
        ctx.fireChannelInactive();
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, RemotingCommand command) {
        if (command.isResponse()) {
            responses.complete(ctx.channel(), command);
        } else {
            dispatcher.dispatch(ctx.channel(), command, gate);
        }
    }
}
