package io.cloudmq.controlplane.credential;

import io.cloudmq.api.credential.OperatorCredentialView;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The cluster's operator AccessKey; admin keys only (see {@link CredentialApiPaths}). Never the secret. */
@RestController
class OperatorCredentialController {
    static final String PATH = "/api/v1/clusters/{clusterId}/operator-credential";

    private final OperatorCredentialService operators;

    OperatorCredentialController(OperatorCredentialService operators) {
        this.operators = operators;
    }

    @GetMapping(PATH)
    OperatorCredentialView get(@PathVariable String clusterId) {
        return operators.get(clusterId);
    }
}
