package io.github.mobileid.selfservice.ca;

import java.util.Arrays;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;

/**
 * What an issued certificate may be used for. The three mobile ID types map to one profile each;
 * {@link #OCSP_SIGNING} certifies a delegated OCSP responder key.
 */
enum CertificateProfile {
    AUTHENTICATION("authentication", KeyUsage.digitalSignature, KeyPurposeId.id_kp_clientAuth),
    SIGNATURE("signature", KeyUsage.nonRepudiation, null),
    ENCRYPTION("encryption", KeyUsage.keyEncipherment | KeyUsage.keyAgreement, null),
    OCSP_SIGNING("ocspSigning", KeyUsage.digitalSignature, KeyPurposeId.id_kp_OCSPSigning);

    private final String value;
    private final int keyUsage;
    private final KeyPurposeId extendedKeyUsage;

    CertificateProfile(String value, int keyUsage, KeyPurposeId extendedKeyUsage) {
        this.value = value;
        this.keyUsage = keyUsage;
        this.extendedKeyUsage = extendedKeyUsage;
    }

    String value() {
        return value;
    }

    KeyUsage keyUsage() {
        return new KeyUsage(keyUsage);
    }

    /** The extended key usage, or null when the profile has none. */
    ExtendedKeyUsage extendedKeyUsage() {
        return extendedKeyUsage == null ? null : new ExtendedKeyUsage(extendedKeyUsage);
    }

    static CertificateProfile of(CertificateType type) {
        return switch (type) {
            case AUTHENTICATION -> AUTHENTICATION;
            case SIGNATURE -> SIGNATURE;
            case ENCRYPTION -> ENCRYPTION;
        };
    }

    static CertificateProfile of(String value) {
        return Arrays.stream(values())
                .filter(p -> p.value.equals(value))
                .findFirst()
                .orElseThrow(
                        () ->
                                new IllegalArgumentException(
                                        "Unknown certificate profile: " + value));
    }
}
