package io.github.mobileid.selfservice.ca;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

/**
 * A bean of the built-in CA: present when {@code mobileid.ca.type} is {@code built-in} or not set,
 * so that another CA can take the place of the whole built-in one by configuration.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ConditionalOnProperty(name = "mobileid.ca.type", havingValue = "built-in", matchIfMissing = true)
public @interface ConditionalOnBuiltInCa {}
