package io.cloudmq.dataplane.replication;

import io.cloudmq.dataplane.store.ReplicaAppendStatus;
import io.cloudmq.dataplane.store.ReplicatedLog;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;

/**
 * A test double of a node that speaks only protocol version 1, written from the frame layouts in
 * {@link FrameCodec}'s Javadoc with raw streams (not with {@link FrameCodec}), as an older release would.
 * It ignores HELLO bytes after the version-1 fields and sends no epochs.
 */
final class Version1Peer {
    private static final int MAGIC = 0x434D5152;

    private Version1Peer() {}

    /**
     * Serves one slave as a version-1 master from {@code master}'s log until the slave has everything,
     * or, with {@code cutAfterChunks >= 0}, writes half of the DATA frame after that many whole chunks
     * and drops the connection (a master dying mid-frame).
     *
     * @return the end offset of the last whole chunk sent
     */
    static long serveAsMaster(ServerSocket server, ReplicatedLog master, int maxChunk, int cutAfterChunks)
            throws IOException {
        try (Socket socket = server.accept()) {
            DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            byte[] hello = new byte[in.readInt() - 1];
            if (in.readByte() != 1) {
                throw new IOException("expected HELLO");
            }
            in.readFully(hello);
            ByteBuffer fields = ByteBuffer.wrap(hello);
            if (fields.getInt() != MAGIC || fields.getShort() > 1) {
                throw new IOException("not a version-1 compatible HELLO");
            }
            long slaveEnd = fields.getLong(8);
            long start = Math.min(slaveEnd, master.commitLogMaxOffset());
            out.writeInt(1 + 31);
            out.writeByte(2);
            out.writeShort(1);
            out.writeByte(0);
            out.writeLong(start);
            out.writeLong(start);
            out.writeLong(master.commitLogMaxOffset());
            out.writeInt(0);
            out.flush();
            readAck(in);
            long offset = start;
            for (int sent = 0; offset < master.commitLogMaxOffset(); sent++) {
                byte[] chunk = master.readReplicationChunk(offset, maxChunk);
                ByteBuffer frame = ByteBuffer.allocate(4 + 1 + 8 + chunk.length);
                frame.putInt(1 + 8 + chunk.length).put((byte) 3).putLong(offset).put(chunk);
                if (sent == cutAfterChunks) {
                    out.write(frame.array(), 0, frame.capacity() / 2);
                    out.flush();
                    return offset;
                }
                out.write(frame.array());
                out.flush();
                offset += chunk.length;
                if (readAck(in) != offset) {
                    throw new IOException("slave did not confirm " + offset);
                }
            }
            return offset;
        }
    }

    /**
     * Replicates from a master as a version-1 slave into {@code slave} until it holds
     * {@code untilOffset}; returns the version the master chose.
     *
     * @throws IOException "refused with status n" if the master refused it
     */
    static int replicateAsSlave(int port, ReplicatedLog slave, long untilOffset) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            out.writeInt(1 + 24);
            out.writeByte(1);
            out.writeInt(MAGIC);
            out.writeShort(1);
            out.writeShort(1);
            out.writeLong(slave.commitLogMaxOffset());
            out.writeInt(slave.commitLogFileSize());
            out.writeInt(0);
            out.flush();
            in.readInt();
            if (in.readByte() != 2) {
                throw new IOException("expected WELCOME");
            }
            int version = in.readShort();
            int status = in.readByte();
            if (status != 0) {
                throw new IOException("refused with status " + status);
            }
            in.readLong();
            in.readLong();
            in.readLong();
            in.skipNBytes(16L * in.readInt());
            while (slave.commitLogMaxOffset() < untilOffset) {
                int length = in.readInt();
                byte type = in.readByte();
                long offset = in.readLong();
                byte[] bytes = new byte[length - 1 - 8];
                in.readFully(bytes);
                if (type == 3 && slave.appendReplicated(offset, ByteBuffer.wrap(bytes)) != ReplicaAppendStatus.APPENDED) {
                    throw new IOException("append at " + offset + " failed");
                }
                out.writeInt(1 + 8);
                out.writeByte(5);
                out.writeLong(slave.commitLogMaxOffset());
                out.flush();
            }
            return version;
        }
    }

    private static long readAck(DataInputStream in) throws IOException {
        in.readInt();
        if (in.readByte() != 5) {
            throw new IOException("expected ACK");
        }
        return in.readLong();
    }
}
