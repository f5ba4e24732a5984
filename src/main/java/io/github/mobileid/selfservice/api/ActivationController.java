package io.github.mobileid.selfservice.api;

import io.github.mobileid.selfservice.ca.CertificateType;
import io.github.mobileid.selfservice.idm.IdmCertificate;
import io.github.mobileid.selfservice.issue.ActivationService;
import io.github.mobileid.selfservice.mobileid.MobileIdState;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The device's side of "Get mobile ID". The device has no Camunda user: the single-use activation
 * code is its credential, so this one endpoint needs no login (see SecurityConfiguration).
 */
@RestController
class ActivationController {

    /** The body of {@code POST /api/activations}: PKCS#10 PEM by certificate type. */
    record ActivationRequest(String activationCode, Map<String, String> certificateRequests) {}

    /** The activated mobile ID and the PEM of each certificate the CA issued for the device. */
    record ActivationResponse(
            String mobileId, MobileIdState state, Map<CertificateType, String> certificates) {}

    private final ActivationService activations;

    ActivationController(ActivationService activations) {
        this.activations = activations;
    }

    @PostMapping("/api/activations")
    ActivationResponse activate(@RequestBody ActivationRequest request) {
        var activation =
                activations.activate(request.activationCode(), request.certificateRequests());

        var certificates = new TreeMap<CertificateType, String>();
        for (IdmCertificate certificate : activation.certificates()) {
            certificates.put(certificate.type(), certificate.pem());
        }
        return new ActivationResponse(
                activation.mobileId().id(), activation.mobileId().state(), certificates);
    }
}
