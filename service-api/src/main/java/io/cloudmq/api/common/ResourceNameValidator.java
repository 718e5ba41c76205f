package io.cloudmq.api.common;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import org.jspecify.annotations.Nullable;

/** Checks {@link ValidResourceName}; reports the specific rule that failed. Thread-safe after initialisation. */
public final class ResourceNameValidator implements ConstraintValidator<ValidResourceName, String> {
    private ResourceNames.Kind kind = ResourceNames.Kind.TOPIC;

    @Override
    public void initialize(ValidResourceName annotation) {
        kind = annotation.value();
    }

    @Override
    public boolean isValid(@Nullable String value, ConstraintValidatorContext context) {
        if (value == null) {
            return true;
        }
        return ResourceNames.violation(kind, value)
                .map(message -> {
                    context.disableDefaultConstraintViolation();
                    context.buildConstraintViolationWithTemplate(message).addConstraintViolation();
                    return false;
                })
                .orElse(true);
    }
}
