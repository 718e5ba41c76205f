package io.cloudmq.dataplane.remoting.netty;

import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.timeout.IdleStateEvent;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last inbound handler of every remoting connection: closes a connection that was idle too long
 * (spec §1.8) or whose bytes cannot be decoded (malformed or oversize frame, spec B6.4), logging the peer
 * address. Other connections are unaffected. Stateless, {@link Sharable}.
 */
@Sharable
final class ConnectionGuardHandler extends ChannelInboundHandlerAdapter {
    private static final Logger log = LoggerFactory.getLogger(ConnectionGuardHandler.class);

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof IdleStateEvent) {
            log.info("closing idle connection {}", RemotingAddresses.describe(ctx.channel()));
            ctx.close();
        } else {
            ctx.fireUserEventTriggered(event);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        String peer = RemotingAddresses.describe(ctx.channel());
        if (cause instanceof DecoderException) {
            log.warn("closing connection {}: undecodable input: {}", peer, cause.getMessage());
        } else if (cause instanceof IOException) {
            log.debug("closing connection {}: {}", peer, cause.toString());
        } else {
            log.error("closing connection {} after an unexpected error", peer, cause);
        }
        ctx.close();
    }
}
