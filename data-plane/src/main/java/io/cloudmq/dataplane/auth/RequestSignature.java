package io.cloudmq.dataplane.auth;

import io.cloudmq.dataplane.config.Secret;
import io.cloudmq.dataplane.remoting.protocol.ExtFields;
import io.cloudmq.dataplane.remoting.protocol.RemotingCommand;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
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
 * properties are set, so a mismatch is retried once without them (over the same sorted keys). Comparison
 * is constant-time. Stateless and thread-safe: each thread keeps one {@link Mac}, re-keyed only when the
 * secret differs from the one it last used (a broker verifies mostly one operator's or tenant's key).
 */
public final class RequestSignature {
    public static final String ACCESS_KEY = "AccessKey";
    public static final String SIGNATURE = "Signature";
    public static final String SECURITY_TOKEN = "SecurityToken";
    private static final String ALGORITHM = "HmacSHA1";
    private static final String ZONE_NAME = "__ZONE_NAME";
    private static final String ZONE_MODE = "__ZONE_MODE";
    private static final ThreadLocal<KeyedMac> MACS = new ThreadLocal<>();

    /** A thread's {@link Mac}, initialised with {@code key}. */
    private record KeyedMac(String key, Mac mac) {}

    private RequestSignature() {}

    /** {@code request} with {@code AccessKey} and {@code Signature} added, as the official hook signs it. */
    public static RemotingCommand sign(RemotingCommand request, String accessKey, Secret secretKey) {
        Map<String, String> fields = new HashMap<>(request.extFields());
        fields.remove(SIGNATURE);
        fields.put(ACCESS_KEY, accessKey);
        byte[] signature = compute(secretKey, ExtFields.copyOf(fields), false, request.body());
        fields.put(SIGNATURE, new String(signature, StandardCharsets.ISO_8859_1));
        return request.withExtFields(fields);
    }

    /** Whether {@code request} carries a {@code Signature} made with {@code secretKey} over its fields and body. */
    public static boolean verify(RemotingCommand request, Secret secretKey) {
        String signature = request.extField(SIGNATURE);
        if (signature == null) {
            return false;
        }
        byte[] received = signature.getBytes(StandardCharsets.UTF_8);
        ExtFields fields = ExtFields.copyOf(request.extFields());
        if (MessageDigest.isEqual(received, compute(secretKey, fields, false, request.body()))) {
            return true;
        }
        if (!fields.containsKey(ZONE_NAME) && !fields.containsKey(ZONE_MODE)) {
            return false;
        }
        return MessageDigest.isEqual(received, compute(secretKey, fields, true, request.body()));
    }

    /**
     * The Base64 signature (ASCII bytes) over the values of {@code fields} in their natural key order, as the
     * client sorts them before signing (without the zone fields if asked), and the body.
     */
    private static byte[] compute(Secret secretKey, ExtFields fields, boolean withoutZone, byte[] body) {
        StringBuilder values = new StringBuilder(fields.size() * 16);
        for (int i = 0; i < fields.size(); i++) {
            String key = fields.keyAt(i);
            if (!SIGNATURE.equals(key) && !(withoutZone && (ZONE_NAME.equals(key) || ZONE_MODE.equals(key)))) {
                values.append(fields.valueAt(i));
            }
        }
        Mac mac = mac(secretKey.value());
        mac.update(values.toString().getBytes(StandardCharsets.UTF_8));
        return Base64.getEncoder().encode(mac.doFinal(body));
    }

    /** This thread's Mac keyed with {@code key}; {@code doFinal} leaves it ready for the next use with the same key. */
    private static Mac mac(String key) {
        KeyedMac cached = MACS.get();
        if (cached != null && cached.key().equals(key)) {
            return cached.mac();
        }
        try {
            Mac mac = cached == null ? Mac.getInstance(ALGORITHM) : cached.mac();
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            MACS.set(new KeyedMac(key, mac));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is part of every Java runtime", e);
        }
    }
}
