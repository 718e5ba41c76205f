package io.cloudmq.controlplane;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * The full application on a random port against the shared embedded PostgreSQL, without the canary (these ITs
 * run no real nodes); one cached context for every IT.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "cloudmq.canary.enabled=false")
@ContextConfiguration(initializers = EmbeddedPostgresInitializer.class)
public @interface FullStackTest {}
