package io.github.mobileid.selfservice.issue;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/** How a new mobile ID is activated ({@code mobileid.activation.*}). */
@Component
@ConfigurationProperties("mobileid.activation")
public class ActivationProperties {

    private Duration codeValidity = Duration.ofMinutes(15);

    public Duration getCodeValidity() {
        return codeValidity;
    }

    public void setCodeValidity(Duration codeValidity) {
        if (codeValidity.isNegative() || codeValidity.isZero()) {
            throw new IllegalArgumentException(
                    "mobileid.activation.code-validity must be positive");
        }
        this.codeValidity = codeValidity;
    }
}
