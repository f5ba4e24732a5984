package io.github.mobileid.selfservice.issue;

import static io.github.mobileid.selfservice.issue.ActivationRefusedException.Reason.BAD_REQUEST;

import io.github.mobileid.selfservice.ca.CertificateType;
import java.io.IOException;
import java.io.StringReader;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.PKCSException;

/**
 * The device's PKCS#10 requests, one per certificate type: each must be signed by the private key
 * of the public key it carries (proof of possession). The CA decides the subject; the subject a
 * device writes into its request is ignored.
 */
final class CertificationRequests {

    private CertificationRequests() {}

    /**
     * Checks the requests and answers the public key of each certificate type.
     *
     * @throws ActivationRefusedException (bad request) for a missing type, an unknown type, a
     *     request that is no PKCS#10 PEM, a wrong signature, a weak key, or one key for two types
     */
    static Map<CertificateType, PublicKey> publicKeys(Map<String, String> pemByType) {
        if (pemByType == null) {
            throw refused("certificateRequests is required: one PKCS#10 request per type");
        }
        var keys = new EnumMap<CertificateType, PublicKey>(CertificateType.class);
        for (var entry : pemByType.entrySet()) {
            keys.put(type(entry.getKey()), publicKey(entry.getKey(), entry.getValue()));
        }
        for (CertificateType required :
                new CertificateType[] {CertificateType.AUTHENTICATION, CertificateType.SIGNATURE}) {
            if (!keys.containsKey(required)) {
                throw refused("certificateRequests has no " + required.value() + " request");
            }
        }
        if (new HashSet<>(keys.values()).size() < keys.size()) {
            throw refused("Each certificate type needs a key pair of its own");
        }
        return keys;
    }

    private static CertificateType type(String name) {
        try {
            return CertificateType.of(name);
        } catch (IllegalArgumentException e) {
            throw refused(
                    "Unknown certificate type '%s': use authentication, signature or encryption"
                            .formatted(name));
        }
    }

    private static PublicKey publicKey(String type, String pem) {
        PKCS10CertificationRequest request = parse(type, pem);
        try {
            PublicKey key =
                    new JcaPEMKeyConverter().getPublicKey(request.getSubjectPublicKeyInfo());
            if (!request.isSignatureValid(new JcaContentVerifierProviderBuilder().build(key))) {
                throw refused("The signature of the " + type + " request does not verify");
            }
            requireStrong(type, key);
            return key;
        } catch (OperatorCreationException | PKCSException | IOException e) {
            throw refused("The " + type + " request has a key or signature that cannot be checked");
        }
    }

    private static PKCS10CertificationRequest parse(String type, String pem) {
        if (pem == null || pem.isBlank()) {
            throw refused("The " + type + " request is empty");
        }
        try (var parser = new PEMParser(new StringReader(pem))) {
            Object parsed = parser.readObject();
            if (parsed instanceof PKCS10CertificationRequest request) {
                return request;
            }
        } catch (IOException | RuntimeException e) {
            // answered below as not a PKCS#10 request
        }
        throw refused("The " + type + " request is not a PKCS#10 request in PEM");
    }

    private static void requireStrong(String type, PublicKey key) {
        boolean strong =
                key instanceof ECPublicKey ec
                                && ec.getParams().getCurve().getField().getFieldSize() >= 256
                        || key instanceof RSAPublicKey rsa && rsa.getModulus().bitLength() >= 2048;
        if (!strong) {
            throw refused("The " + type + " key must be EC of 256 bits or more, or RSA 2048+");
        }
    }

    private static ActivationRefusedException refused(String message) {
        return new ActivationRefusedException(BAD_REQUEST, message);
    }
}
