package io.cloudmq.api.credential;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What the holder of a credential may do with the topics and groups it covers. */
public enum CredentialRole {
    /** Send messages. */
    @JsonProperty("pub")
    PUB,
    /** Consume messages (pull, heartbeat, offsets). */
    @JsonProperty("sub")
    SUB,
    /** Both. */
    @JsonProperty("pub+sub")
    PUB_SUB
}
