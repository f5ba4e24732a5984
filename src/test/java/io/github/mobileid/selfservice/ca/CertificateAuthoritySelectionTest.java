package io.github.mobileid.selfservice.ca;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mobileid.selfservice.ca.ocsp.OcspTestAccess;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class CertificateAuthoritySelectionTest {

    private final ApplicationContextRunner runner =
            new ApplicationContextRunner()
                    .withUserConfiguration(
                            BuiltInCaConfiguration.class,
                            BuiltInCertificateAuthority.class,
                            CaCertificateRepository.class,
                            CaIdentityRepository.class,
                            CrlRepository.class,
                            CrlPublisher.class,
                            CaController.class,
                            OcspTestAccess.CONFIGURATION);

    @Test
    void anotherCaTypeLeavesOutEveryBeanOfTheBuiltInCa() {
        runner.withPropertyValues("mobileid.ca.type=external")
                .run(
                        context -> {
                            assertThat(context).hasNotFailed();
                            assertThat(context).doesNotHaveBean(CertificateAuthority.class);
                            assertThat(context).doesNotHaveBean(CaSigner.class);
                            assertThat(context).doesNotHaveBean(CaController.class);
                            assertThat(context).doesNotHaveBean(CrlPublisher.class);
                            assertThat(context).doesNotHaveBean(OcspTestAccess.CONFIGURATION);
                        });
    }
}
