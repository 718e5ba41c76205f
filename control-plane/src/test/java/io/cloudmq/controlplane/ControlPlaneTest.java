package io.cloudmq.controlplane;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ContextConfiguration;

/**
 * The one Spring context of the service, repository and MockMvc tests: the whole application (filters
 * included) on the shared embedded PostgreSQL, no server port, no upgrade orchestrator (these tests move
 * upgrade windows by hand) and no canary (no real nodes). Every test class using it shares one cached context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(properties = {"cloudmq.upgrade.orchestrator-enabled=false", "cloudmq.canary.enabled=false"})
@AutoConfigureMockMvc
@ContextConfiguration(initializers = EmbeddedPostgresInitializer.class)
public @interface ControlPlaneTest {}
