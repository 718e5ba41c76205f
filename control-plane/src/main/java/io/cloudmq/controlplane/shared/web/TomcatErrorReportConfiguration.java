package io.cloudmq.controlplane.shared.web;

import org.apache.catalina.Lifecycle;
import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** Replaces the host's HTML error report valve (Boot's included) with {@link ProblemErrorReportValve}. */
@Configuration(proxyBeanMethods = false)
class TomcatErrorReportConfiguration {
    @Bean
    WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> problemErrorReportValve(JsonMapper mapper) {
        return factory -> factory.addContextCustomizers(context -> context.addLifecycleListener(event -> {
            if (Lifecycle.BEFORE_START_EVENT.equals(event.getType())) {
                replaceErrorReportValves(context.getParent().getPipeline(), mapper);
            }
        }));
    }

    /** Runs when every customizer (Boot's adds an HTML valve) has had its turn. */
    private static void replaceErrorReportValves(Pipeline host, JsonMapper mapper) {
        for (Valve valve : host.getValves()) {
            if (valve instanceof ErrorReportValve) {
                host.removeValve(valve);
            }
        }
        host.addValve(new ProblemErrorReportValve(mapper));
    }
}
