package io.cloudmq.controlplane;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The CloudMQ control plane: REST API, desired state, node runtime and upgrade orchestration. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class ControlPlaneApplication {
    public static void main(String[] args) {
        SpringApplication.run(ControlPlaneApplication.class, args);
    }
}
