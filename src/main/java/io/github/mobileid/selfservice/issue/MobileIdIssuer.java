package io.github.mobileid.selfservice.issue;

import io.github.mobileid.selfservice.ca.CertificateAuthority;
import io.github.mobileid.selfservice.ca.CertificateType;
import io.github.mobileid.selfservice.ca.IssueRequest;
import io.github.mobileid.selfservice.idm.IdentityManager;
import io.github.mobileid.selfservice.mobileid.MobileId;
import io.github.mobileid.selfservice.mobileid.MobileIdService;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Seeds an active mobile ID without a device, for the demo set and for tests: registers it, has the
 * CA certify one key per certificate type, records the certificates in the Identity Manager and
 * activates it. The process "Get mobile ID" does not use it: there, the device makes its own keys
 * and sends certificate requests ({@link ActivationService}).
 *
 * <p>Limitation: the key pairs of a seeded mobile ID are made here on the server and their private
 * keys are thrown away, so its certificates are real and revocable but no device can use them.
 */
@Service
public class MobileIdIssuer {

    private static final List<CertificateType> TYPES =
            List.of(CertificateType.AUTHENTICATION, CertificateType.SIGNATURE);

    private final MobileIdService mobileIds;
    private final CertificateAuthority ca;
    private final IdentityManager identityManager;

    MobileIdIssuer(
            MobileIdService mobileIds, CertificateAuthority ca, IdentityManager identityManager) {
        this.mobileIds = mobileIds;
        this.ca = ca;
        this.identityManager = identityManager;
    }

    /** Seeds an active mobile ID with an authentication and a signature certificate. */
    @Transactional
    public MobileId issue(String userId, String displayName) {
        MobileId mobileId = mobileIds.register(userId, displayName);

        for (CertificateType type : TYPES) {
            PublicKey key = newDeviceKey().getPublic();
            X509Certificate certificate =
                    ca.issue(new IssueRequest(userId, mobileId.id(), type, key));
            identityManager.register(mobileId.id(), type, certificate);
        }

        return mobileIds.activate(mobileId.id());
    }

    private static KeyPair newDeviceKey() {
        try {
            var generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The JVM cannot make EC P-256 key pairs", e);
        }
    }
}
