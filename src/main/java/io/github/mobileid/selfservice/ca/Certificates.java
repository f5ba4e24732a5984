package io.github.mobileid.selfservice.ca;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;

/** Builds and encodes the X.509 certificates of the built-in CA. */
final class Certificates {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Certificates() {}

    /**
     * A new serial number: 16 random bytes read as a positive number, so 128 bits of entropy and at
     * most 17 octets once DER-encoded (RFC 5280 allows 20).
     */
    static BigInteger randomSerialNumber() {
        byte[] bytes = new byte[16];
        BigInteger serial;
        do {
            RANDOM.nextBytes(bytes);
            serial = new BigInteger(1, bytes);
        } while (serial.signum() == 0);
        return serial;
    }

    /** The self-signed CA certificate for a new CA key. */
    static X509Certificate selfSigned(KeyPair keyPair, X500Name subject, Instant from, Instant to) {
        try {
            SubjectKeyIdentifier keyId = keyIdentifier(keyPair.getPublic());
            X509v3CertificateBuilder builder =
                    new JcaX509v3CertificateBuilder(
                            subject,
                            randomSerialNumber(),
                            Date.from(from),
                            Date.from(to),
                            subject,
                            keyPair.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
            builder.addExtension(
                    Extension.keyUsage,
                    true,
                    new KeyUsage(
                            KeyUsage.keyCertSign | KeyUsage.cRLSign | KeyUsage.digitalSignature));
            builder.addExtension(Extension.subjectKeyIdentifier, false, keyId);
            builder.addExtension(
                    Extension.authorityKeyIdentifier,
                    false,
                    new AuthorityKeyIdentifier(keyId.getKeyIdentifier()));
            return toX509(builder.build(EcdsaSigners.forKey(keyPair.getPrivate()).get()));
        } catch (CertIOException e) {
            throw new IllegalStateException("The CA certificate cannot be built", e);
        }
    }

    /** An end-entity certificate signed by the CA. */
    static X509Certificate endEntity(
            CaSigner ca, EndEntity request, CertificateProfile profile, String baseUrl) {
        try {
            X509v3CertificateBuilder builder =
                    new JcaX509v3CertificateBuilder(
                            ca.subject(),
                            request.serialNumber(),
                            Date.from(request.notBefore()),
                            Date.from(request.notAfter()),
                            request.subject(),
                            request.publicKey());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, profile.keyUsage());
            ExtendedKeyUsage extendedKeyUsage = profile.extendedKeyUsage();
            if (extendedKeyUsage != null) {
                builder.addExtension(Extension.extendedKeyUsage, false, extendedKeyUsage);
            }
            builder.addExtension(
                    Extension.subjectKeyIdentifier, false, keyIdentifier(request.publicKey()));
            builder.addExtension(
                    Extension.authorityKeyIdentifier,
                    false,
                    new AuthorityKeyIdentifier(ca.keyIdentifier().getKeyIdentifier()));
            if (profile == CertificateProfile.OCSP_SIGNING) {
                // RFC 6960 4.2.2.2.1: relying parties need not check the responder's own status.
                builder.addExtension(
                        OCSPObjectIdentifiers.id_pkix_ocsp_nocheck, false, DERNull.INSTANCE);
            } else {
                builder.addExtension(
                        Extension.cRLDistributionPoints, false, distributionPoint(baseUrl));
                builder.addExtension(
                        Extension.authorityInfoAccess, false, authorityInfoAccess(baseUrl));
            }
            return toX509(builder.build(ca.contentSigner()));
        } catch (CertIOException e) {
            throw new CertificateAuthorityException("The certificate cannot be built", e);
        }
    }

    /**
     * The subject as an RFC 4514 string that names the serialNumber attribute ({@code
     * CN=alice,SERIALNUMBER=...,O=...}) instead of printing it as hex, as {@link
     * javax.security.auth.x500.X500Principal#getName()} does.
     */
    static String subjectName(X509Certificate certificate) {
        return certificate
                .getSubjectX500Principal()
                .getName(X500Principal.RFC2253, Map.of("2.5.4.5", "SERIALNUMBER"));
    }

    static String toPem(Object object) {
        var text = new StringWriter();
        try (var writer = new JcaPEMWriter(text)) {
            writer.writeObject(object);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    private static CRLDistPoint distributionPoint(String baseUrl) {
        var name =
                new DistributionPointName(new GeneralNames(uri(baseUrl + CaController.CRL_PATH)));
        return new CRLDistPoint(new DistributionPoint[] {new DistributionPoint(name, null, null)});
    }

    private static AuthorityInformationAccess authorityInfoAccess(String baseUrl) {
        return new AuthorityInformationAccess(
                new AccessDescription[] {
                    new AccessDescription(AccessDescription.id_ad_ocsp, uri(baseUrl + "/ocsp")),
                    new AccessDescription(
                            AccessDescription.id_ad_caIssuers,
                            uri(baseUrl + CaController.CERTIFICATE_PATH))
                });
    }

    private static GeneralName uri(String uri) {
        return new GeneralName(GeneralName.uniformResourceIdentifier, uri);
    }

    private static SubjectKeyIdentifier keyIdentifier(PublicKey key) {
        try {
            return new JcaX509ExtensionUtils().createSubjectKeyIdentifier(key);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("The JVM has no SHA-1", e);
        }
    }

    private static X509Certificate toX509(X509CertificateHolder holder) {
        try {
            return new JcaX509CertificateConverter().getCertificate(holder);
        } catch (CertificateException e) {
            throw new CertificateAuthorityException("The signed certificate cannot be read", e);
        }
    }

    /** The subject-specific parts of an end-entity certificate. */
    record EndEntity(
            BigInteger serialNumber,
            X500Name subject,
            PublicKey publicKey,
            Instant notBefore,
            Instant notAfter) {}
}
