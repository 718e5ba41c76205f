package io.cloudmq.controlplane.credential;

import io.cloudmq.controlplane.instance.InstanceContents;
import org.springframework.stereotype.Component;

/** Tells the instance feature how many credentials an instance holds (deleted with it only on force). */
@Component
class CredentialContents implements InstanceContents {
    private final CredentialRepository credentials;

    CredentialContents(CredentialRepository credentials) {
        this.credentials = credentials;
    }

    @Override
    public String kind() {
        return "credentials";
    }

    @Override
    public long countIn(String instanceId) {
        return credentials.countByInstanceId(instanceId);
    }
}
