package io.github.mobileid.selfservice.ca;

import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.function.Supplier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.operator.ContentSigner;

/**
 * The CA's key and certificate, held in memory for the life of the application so that signing a
 * certificate, a CRL or an OCSP response never reads the key store. Everything the CA signs goes
 * through {@link #contentSigner()}.
 */
public final class CaSigner {

    /** The signature algorithm of every certificate, CRL and OCSP response. */
    public static final String SIGNATURE_ALGORITHM = "SHA256withECDSA";

    private final Supplier<ContentSigner> signers;
    private final X509Certificate certificate;
    private final X509CertificateHolder certificateHolder;
    private final SubjectKeyIdentifier keyIdentifier;

    CaSigner(PrivateKey privateKey, X509Certificate certificate) {
        this.signers = EcdsaSigners.forKey(privateKey);
        this.certificate = certificate;
        try {
            this.certificateHolder = new JcaX509CertificateHolder(certificate);
            this.keyIdentifier =
                    new JcaX509ExtensionUtils()
                            .createSubjectKeyIdentifier(certificate.getPublicKey());
        } catch (CertificateEncodingException | java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("The CA certificate cannot be read", e);
        }
    }

    public X509Certificate certificate() {
        return certificate;
    }

    public X509CertificateHolder certificateHolder() {
        return certificateHolder;
    }

    /** The issuer name of everything the CA signs, byte for byte the CA certificate's subject. */
    public X500Name subject() {
        return certificateHolder.getSubject();
    }

    /** The key identifier of the CA key (SHA-1 of the public key, RFC 5280 method 1). */
    public SubjectKeyIdentifier keyIdentifier() {
        return keyIdentifier;
    }

    /** A new signer with the CA key; a content signer is not thread-safe, so each use takes one. */
    public ContentSigner contentSigner() {
        return signers.get();
    }
}
