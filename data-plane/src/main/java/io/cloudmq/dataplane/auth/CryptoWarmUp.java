package io.cloudmq.dataplane.auth;

import io.cloudmq.api.node.SealedSecret;
import io.cloudmq.dataplane.config.Secret;
import io.cloudmq.dataplane.remoting.protocol.RemotingCommand;
import io.cloudmq.dataplane.remoting.protocol.RequestCode;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the credential path's cryptography once with throw-away values — opening a sealed secret (HKDF-SHA256,
 * AES-GCM) and signing a request (HmacSHA1) — on a background thread at node start. The JCE providers
 * initialise on first use, which takes 0.1 to 0.3 s in a fresh JVM on a busy 2-CPU machine; done while the
 * store opens, that time no longer lies between the first operator credential's arrival and the broker's
 * first accepted registration.
 *
 * <p>Threading: {@link #startInBackground} from any thread; the work runs on its own daemon thread.
 */
public final class CryptoWarmUp {
    private static final Logger log = LoggerFactory.getLogger(CryptoWarmUp.class);
    private static final String VALUE = "warm-up";

    private CryptoWarmUp() {}

    /** Starts the warm-up on a daemon thread and returns at once. */
    public static void startInBackground() {
        Thread thread = new Thread(CryptoWarmUp::run, "crypto-warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Seals, opens and signs once.
     *
     * @return whether the opened secret and the signature check came out right
     */
    static boolean run() {
        try {
            String opened = SealedSecret.open(VALUE, VALUE, SealedSecret.seal(VALUE, VALUE, VALUE));
            Secret secret = new Secret(opened);
            RemotingCommand signed = RequestSignature.sign(
                    RemotingCommand.request(RequestCode.HEART_BEAT, Map.of()), VALUE, secret);
            return RequestSignature.verify(signed, secret) && VALUE.equals(opened);
        } catch (RuntimeException e) {
            log.warn("crypto warm-up failed; the first credential initialises the providers instead: {}", e.toString());
            return false;
        }
    }
}
