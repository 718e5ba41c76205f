package io.cloudmq.controlplane.shared.web;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Test-only endpoint that fails unexpectedly, to pin the shape of a 500. */
@RestController
class FailingTestController {
    @GetMapping("/api/v1/test-failures")
    String fail() {
        throw new IllegalStateException("secret internal detail");
    }
}
