package io.github.mobileid.selfservice.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The self-service page: static HTML and a little script under {@code static/selfservice}, served
 * at {@code /selfservice}. It calls {@code /api} with the user's Tasklist login.
 */
@Configuration(proxyBeanMethods = false)
class SelfServicePageConfiguration implements WebMvcConfigurer {

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addViewController("/selfservice").setViewName("forward:/selfservice/index.html");
        registry.addRedirectViewController("/selfservice/", "/selfservice");
    }
}
