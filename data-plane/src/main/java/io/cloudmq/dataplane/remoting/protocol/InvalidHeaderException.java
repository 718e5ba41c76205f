package io.cloudmq.dataplane.remoting.protocol;

/**
 * A request's custom header lacks a required field or holds a value of the wrong type. The dispatcher
 * answers it with {@link ResponseCode#SYSTEM_ERROR} and this message as remark, as RocketMQ does for its
 * {@code RemotingCommandException}.
 */
public final class InvalidHeaderException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InvalidHeaderException(String message) {
        super(message);
    }

    public static InvalidHeaderException missing(String field) {
        return new InvalidHeaderException("the header field " + field + " is missing");
    }

    public static InvalidHeaderException malformed(String field, String value) {
        return new InvalidHeaderException("the header field " + field + " has the invalid value '" + value + "'");
    }
}
