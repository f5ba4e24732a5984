package io.github.mobileid.selfservice.ca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@CaSpringTest
class CaControllerTest {

    @Autowired MockMvc mvc;
    @Autowired CertificateAuthority ca;

    @Test
    void theCaCertificateIsServedAsPem() throws Exception {
        byte[] body =
                mvc.perform(get("/ca/certificate"))
                        .andExpect(status().isOk())
                        .andExpect(
                                content()
                                        .contentTypeCompatibleWith(
                                                "application/pem-certificate-chain"))
                        .andReturn()
                        .getResponse()
                        .getContentAsByteArray();

        assertThat(new String(body, StandardCharsets.US_ASCII))
                .startsWith("-----BEGIN CERTIFICATE-----");
        var certificate =
                (X509Certificate)
                        CertificateFactory.getInstance("X.509")
                                .generateCertificate(new ByteArrayInputStream(body));
        assertThat(certificate).isEqualTo(ca.caCertificate());
    }

    @Test
    void theCaCertificateIsServedAsDerOnRequestAndAnUnknownFormatIsRefused() throws Exception {
        byte[] der =
                mvc.perform(get("/ca/certificate").param("format", "der"))
                        .andExpect(status().isOk())
                        .andExpect(content().contentType("application/pkix-cert"))
                        .andReturn()
                        .getResponse()
                        .getContentAsByteArray();

        mvc.perform(get("/ca/certificate").param("format", "bogus"))
                .andExpect(status().isBadRequest());
        assertThat(der).isEqualTo(ca.caCertificate().getEncoded());
    }

    @Test
    void theCrlIsServedAsDer() throws Exception {
        byte[] body =
                mvc.perform(get("/ca/crl"))
                        .andExpect(status().isOk())
                        .andExpect(content().contentType("application/pkix-crl"))
                        .andReturn()
                        .getResponse()
                        .getContentAsByteArray();

        CrlPublisherTest.parse(body).verify(ca.caCertificate().getPublicKey());
    }
}
