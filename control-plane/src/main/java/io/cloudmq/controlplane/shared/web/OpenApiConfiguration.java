package io.cloudmq.controlplane.shared.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document's title and its bearer API-key scheme, so Swagger UI can send a key. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {
    private static final String BEARER = "apiKey";

    @Bean
    OpenAPI cloudMqOpenApi() {
        SecurityScheme bearer = new SecurityScheme()
                .type(SecurityScheme.Type.HTTP)
                .scheme("bearer")
                .description("API key token cmq_<keyId>_<secret>");
        return new OpenAPI()
                .info(new Info().title("CloudMQ control plane").version("v1")
                        .description("Errors are RFC 9457 problem+json with types under https://cloudmq.io/problems/"))
                .components(new Components().addSecuritySchemes(BEARER, bearer))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }
}
