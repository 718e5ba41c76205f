package io.cloudmq.bench.codec;

import io.cloudmq.dataplane.auth.CredentialAuthorizer;
import io.cloudmq.dataplane.auth.CredentialRegistry;
import io.cloudmq.dataplane.auth.CredentialTable;
import io.cloudmq.dataplane.auth.OperatorCredential;
import io.cloudmq.dataplane.auth.RequestNamespaceTranslator;
import io.cloudmq.dataplane.auth.Role;
import io.cloudmq.dataplane.auth.TenantCredential;
import io.cloudmq.dataplane.config.Secret;
import io.cloudmq.dataplane.remoting.codec.RemotingFrameDecoder;
import io.cloudmq.dataplane.remoting.codec.RemotingFrameEncoder;
import io.cloudmq.dataplane.remoting.netty.AuthorizationDecision;
import io.cloudmq.dataplane.remoting.netty.RequestContext;
import io.cloudmq.dataplane.remoting.protocol.HeaderFields;
import io.cloudmq.dataplane.remoting.protocol.RemotingCommand;
import io.cloudmq.dataplane.remoting.protocol.ResponseCode;
import io.cloudmq.dataplane.remoting.protocol.header.SendMessageRequestHeader;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * CPU per send request of the broker's own per-request work, stage by stage, on one thread: decoding the frame
 * ({@link RemotingFrameDecoder}), the authorization hook ({@link CredentialAuthorizer}: AccessKey look-up,
 * signature, tenant access policy), namespace translation ({@link RequestNamespaceTranslator}), reading the send
 * header as the send processor does, and building and encoding the send response as the send processor answers
 * ({@link RemotingFrameEncoder}). The store and the socket are not part of it. Requests are
 * {@link OfficialSendFrames}: what the official 5.5.0 producer sends for a tenant that uses {@code setNamespace}.
 *
 * <p>Usage: {@code java -Xmx512m -cp bench/target/bench.jar io.cloudmq.bench.codec.SendPathCpuBenchmark
 * [warmUpSeconds] [seconds]}. Each round runs every stage over the same batch of distinct requests; after the
 * warm-up, rounds are counted until {@code seconds} have passed. Prints CPU ns and allocated bytes per request
 * per stage (see {@link StageMeter}); the channel harness's own cost is printed separately, and is included in
 * the decode and encode stages as the broker's pipeline has a similar cost.
 *
 * <p>Threading: runs on the main thread only.
 */
public final class SendPathCpuBenchmark {
    private static final int BATCH = 1024;
    private static final int BODY_SIZE = 1024;
    private static final String NAMESPACE = "bench";
    private static final String ACCESS_KEY = "ak-bench";
    private static final String SECRET_KEY = "sk-bench";

    private final byte[][] frames;
    private final RemotingCommand[] decoded = new RemotingCommand[BATCH];
    private final RemotingCommand[] translated = new RemotingCommand[BATCH];
    private final SendMessageRequestHeader[] headers = new SendMessageRequestHeader[BATCH];
    private final String[] messageIds = new String[BATCH];
    private final String[] uniqueIds = new String[BATCH];
    private final EmbeddedChannel inbound = new EmbeddedChannel(new RemotingFrameDecoder(16 << 20));
    private final EmbeddedChannel outbound = new EmbeddedChannel(new RemotingFrameEncoder());
    private final EmbeddedChannel harness = new EmbeddedChannel();
    private final CredentialAuthorizer authorizer;
    private final RequestNamespaceTranslator translator = new RequestNamespaceTranslator();
    private final RequestContext context = new RequestContext(inbound);

    private SendPathCpuBenchmark() {
        frames = OfficialSendFrames.build(BATCH, NAMESPACE + "%orders", NAMESPACE + "%PG", ACCESS_KEY, SECRET_KEY,
                BODY_SIZE);
        for (int i = 0; i < BATCH; i++) {
            messageIds[i] = String.format(Locale.ROOT, "7F00000100002A9F%016X", i * 1_100L);
            uniqueIds[i] = String.format(Locale.ROOT, "7F0000010F2A18B4AAC2%012X", i);
        }
        TenantCredential tenant = TenantCredential.of(ACCESS_KEY, new Secret(SECRET_KEY), NAMESPACE, Role.PUB_SUB);
        authorizer = new CredentialAuthorizer(new CredentialRegistry(CredentialTable.of(
                List.of(tenant), new OperatorCredential("ak-operator", new Secret("sk-operator")))));
    }

    public static void main(String[] args) throws IOException {
        double warmUpSeconds = Double.parseDouble(args.length > 0 ? args[0] : "10");
        double seconds = Double.parseDouble(args.length > 1 ? args[1] : "20");
        // The benchmark's output is its result: it prints to stdout by design.
        PrintStream out = System.out;
        out.println("load average at start: " + loadAverage());
        List<StageMeter> stages = new SendPathCpuBenchmark().stages();
        runFor(stages, warmUpSeconds, false);
        runFor(stages, seconds, true);
        out.println("load average at end: " + loadAverage());
        out.printf(Locale.ROOT, "%-58s %10s %10s%n", "stage (SEND_MESSAGE_V2, 1 KiB body, signed)", "cpu ns/req",
                "bytes/req");
        double totalNanos = 0;
        double totalBytes = 0;
        for (StageMeter stage : stages.subList(1, stages.size())) {
            out.printf(Locale.ROOT, "%-58s %10.0f %10.0f%n", stage.name(), stage.cpuNanosPerRequest(),
                    stage.bytesPerRequest());
            totalNanos += stage.cpuNanosPerRequest();
            totalBytes += stage.bytesPerRequest();
        }
        out.printf(Locale.ROOT, "%-58s %10.0f %10.0f%n", "total", totalNanos, totalBytes);
        StageMeter harness = stages.get(0);
        out.printf(Locale.ROOT, "%-58s %10.0f %10.0f%n(%d requests per stage)%n", harness.name(),
                harness.cpuNanosPerRequest(), harness.bytesPerRequest(), harness.requests());
    }

    private List<StageMeter> stages() {
        return List.of(
                new StageMeter("harness: EmbeddedChannel in + out, no handler", this::harnessRoundTrip),
                new StageMeter("decode frame (RemotingFrameDecoder)", this::decode),
                new StageMeter("authorize (CredentialAuthorizer: signature, tenant)", this::authorize),
                new StageMeter("translate (RequestNamespaceTranslator)", this::translate),
                new StageMeter("read send header (SendMessageRequestHeader.fromV2)", this::readHeader),
                new StageMeter("build + encode response (RemotingFrameEncoder)", this::respond));
    }

    private static void runFor(List<StageMeter> stages, double seconds, boolean counted) {
        long end = System.nanoTime() + (long) (seconds * 1e9);
        do {
            for (StageMeter stage : stages) {
                stage.run(BATCH, counted);
            }
        } while (System.nanoTime() < end);
    }

    private void harnessRoundTrip(int index) {
        harness.writeInbound(Unpooled.wrappedBuffer(frames[index]));
        ByteBuf buffer = harness.readInbound();
        harness.writeOutbound(buffer);
        ByteBuf written = harness.readOutbound();
        written.release();
    }

    private void decode(int index) {
        inbound.writeInbound(Unpooled.wrappedBuffer(frames[index]));
        decoded[index] = inbound.readInbound();
    }

    private void authorize(int index) {
        AuthorizationDecision decision = authorizer.authorize(context, decoded[index]);
        if (!decision.allowed()) {
            throw new IllegalStateException("the benchmark's request was refused: " + decision.reason());
        }
    }

    private void translate(int index) {
        translated[index] = translator.inbound(decoded[index]);
    }

    private void readHeader(int index) {
        headers[index] = SendMessageRequestHeader.fromV2(translated[index].extFields());
    }

    /**
     * The answer {@code SendMessageProcessor} gives a stored message, written by the frame encoder; the ids the
     * store and the processor compute are made in advance.
     */
    private void respond(int index) {
        SendMessageRequestHeader header = headers[index];
        RemotingCommand response = RemotingCommand.responseTo(decoded[index], ResponseCode.SUCCESS, null)
                .withExtFields(HeaderFields.writer()
                        .put("msgId", messageIds[index])
                        .put("queueId", header.queueId())
                        .put("queueOffset", 1_000_000L + index)
                        .put("transactionId", uniqueIds[index])
                        .put("MSG_REGION", "DefaultRegion")
                        .put("TRACE_ON", "true")
                        .build());
        outbound.writeOutbound(response);
        ByteBuf frame;
        while ((frame = outbound.readOutbound()) != null) {
            frame.release();
        }
    }

    private static String loadAverage() throws IOException {
        return Files.readString(Path.of("/proc/loadavg")).trim();
    }
}
