package io.cloudmq.api.common;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A topic or consumer-group name that satisfies {@link ResourceNames}; {@code null} is left to {@code @NotNull}. */
@Documented
@Constraint(validatedBy = ResourceNameValidator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface ValidResourceName {
    /** Which reserved names apply. */
    ResourceNames.Kind value();

    /** Default message; the validator replaces it with the specific rule that failed. */
    String message() default "invalid name";

    /** Validation groups. */
    Class<?>[] groups() default {};

    /** Validation payload. */
    Class<? extends Payload>[] payload() default {};
}
