package io.cloudmq.dataplane.auth;

import io.cloudmq.dataplane.config.Secret;
import io.cloudmq.dataplane.remoting.protocol.RemotingCommand;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The ACL request signature of the official client's {@code AclClientRPCHook} (spec §7.1), computed here
 * to verify requests and to sign the requests our own nodes send.
 *
 * <pre>
 * | part      | bytes                                                                        |
 * |-----------|------------------------------------------------------------------------------|
 * | content   | UTF-8 of the concatenated ext-field VALUES, keys in natural String order,     |
 * |           | the key {@value #SIGNATURE} left out (keys themselves are not signed)         |
 * | body      | the raw body bytes, appended after the content                               |
 * | Signature | Base64 (standard, padded) of HmacSHA1(key = SecretKey UTF-8, data = content + body) |
 * </pre>
 *
 * The {@code __ZONE_NAME}/{@code __ZONE_MODE} ext fields are added by the client after signing when zone
 * properties are set, so a mismatch is retried once without them. Comparison is constant-time. Stateless
 * and thread-safe (a {@link Mac} is created per call).
 */
public final class RequestSignature {
    public static final String ACCESS_KEY = "AccessKey";
    public static final String SIGNATURE = "Signature";
    public static final String SECURITY_TOKEN = "SecurityToken";
    private static final String ALGORITHM = "HmacSHA1";
    private static final String ZONE_NAME = "__ZONE_NAME";
    private static final String ZONE_MODE = "__ZONE_MODE";

    private RequestSignature() {}

    /** {@code request} with {@code AccessKey} and {@code Signature} added, as the official hook signs it. */
    public static RemotingCommand sign(RemotingCommand request, String accessKey, Secret secretKey) {
        Map<String, String> fields = new HashMap<>(request.extFields());
        fields.remove(SIGNATURE);
        fields.put(ACCESS_KEY, accessKey);
        fields.put(SIGNATURE, compute(secretKey, fields, request.body()));
        return request.withExtFields(fields);
    }

    /** Whether {@code request} carries a {@code Signature} made with {@code secretKey} over its fields and body. */
    public static boolean verify(RemotingCommand request, Secret secretKey) {
        String signature = request.extField(SIGNATURE);
        if (signature == null) {
            return false;
        }
        Map<String, String> fields = request.extFields();
        if (matches(signature, compute(secretKey, fields, request.body()))) {
            return true;
        }
        if (!fields.containsKey(ZONE_NAME) && !fields.containsKey(ZONE_MODE)) {
            return false;
        }
        Map<String, String> withoutZone = new HashMap<>(fields);
        withoutZone.remove(ZONE_NAME);
        withoutZone.remove(ZONE_MODE);
        return matches(signature, compute(secretKey, withoutZone, request.body()));
    }

    private static String compute(Secret secretKey, Map<String, String> fields, byte[] body) {
        StringBuilder values = new StringBuilder();
        new TreeMap<>(fields).forEach((key, value) -> {
            if (!SIGNATURE.equals(key)) {
                values.append(value);
            }
        });
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secretKey.value().getBytes(StandardCharsets.UTF_8), ALGORITHM));
            mac.update(values.toString().getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is part of every Java runtime", e);
        }
    }

    private static boolean matches(String received, String expected) {
        return MessageDigest.isEqual(
                received.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }
}
