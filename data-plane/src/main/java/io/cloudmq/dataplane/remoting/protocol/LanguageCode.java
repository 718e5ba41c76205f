package io.cloudmq.dataplane.remoting.protocol;

import org.jspecify.annotations.Nullable;

/**
 * Language of the sender, as RocketMQ's {@code LanguageCode}: the name in JSON headers, the code byte in
 * ROCKETMQ binary headers. Unknown names and codes map to {@link #OTHER}.
 */
public enum LanguageCode {
    JAVA(0),
    CPP(1),
    DOTNET(2),
    PYTHON(3),
    DELPHI(4),
    ERLANG(5),
    RUBY(6),
    OTHER(7),
    HTTP(8),
    GO(9),
    PHP(10),
    OMS(11),
    RUST(12),
    NODE_JS(13);

    private static final LanguageCode[] BY_CODE = values();

    private final byte code;

    LanguageCode(int code) {
        this.code = (byte) code;
    }

    public byte code() {
        return code;
    }

    public static LanguageCode fromCode(int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : OTHER;
    }

    /** Missing names are JAVA (the client's default); unknown names are OTHER. */
    public static LanguageCode fromName(@Nullable String name) {
        if (name == null) {
            return JAVA;
        }
        for (LanguageCode language : BY_CODE) {
            if (language.name().equals(name)) {
                return language;
            }
        }
        return OTHER;
    }
}
