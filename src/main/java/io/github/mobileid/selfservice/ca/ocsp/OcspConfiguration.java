package io.github.mobileid.selfservice.ca.ocsp;

import io.github.mobileid.selfservice.ca.BuiltInCertificateAuthority;
import io.github.mobileid.selfservice.ca.CaProperties;
import io.github.mobileid.selfservice.ca.CaSigner;
import io.github.mobileid.selfservice.ca.ConditionalOnBuiltInCa;
import java.time.Clock;
import org.apache.tomcat.util.buf.EncodedSolidusHandling;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OCSP responder of the built-in CA at {@code /ocsp}. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBuiltInCa
class OcspConfiguration {

    @Bean
    OcspResponder ocspResponder(
            BuiltInCertificateAuthority ca,
            CaSigner caSigner,
            CaProperties properties,
            Clock clock) {
        CaProperties.Ocsp ocsp = properties.ocsp();
        OcspSigner signer =
                switch (ocsp.signer()) {
                    case CA -> new CaOcspSigner(caSigner);
                    case DELEGATED -> new DelegatedOcspSigner(ca, ocsp.delegatedValidity(), clock);
                };
        return new OcspResponder(
                ca, caSigner, signer, ocsp.nextUpdate(), ocsp.responseCacheTtl(), clock);
    }

    @Bean
    FilterRegistrationBean<OcspEndpoint> ocspEndpoint(OcspResponder responder) {
        var registration = new FilterRegistrationBean<>(new OcspEndpoint(responder));
        registration.setName("ocspEndpoint");
        registration.addUrlPatterns(OcspEndpoint.PATH, OcspEndpoint.PATH + "/*");
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 10);
        return registration;
    }

    /**
     * Lets Tomcat pass {@code %2F} through undecoded instead of refusing the request with 400: an
     * OCSP GET request's base64 needs it. The path is not decoded, so no other endpoint sees a
     * {@code /} that the client did not send as one.
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> encodedSlashForOcspGet() {
        return factory ->
                factory.addConnectorCustomizers(
                        connector ->
                                connector.setEncodedSolidusHandling(
                                        EncodedSolidusHandling.PASS_THROUGH.getValue()));
    }
}
