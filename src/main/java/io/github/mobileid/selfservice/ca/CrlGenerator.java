package io.github.mobileid.selfservice.ca;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.EnumMap;
import java.util.Map;
import org.bouncycastle.asn1.DERGeneralizedTime;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.X509v2CRLBuilder;

/**
 * Builds one signed v2 CRL (RFC 5280, section 5): authority key identifier, CRL number, {@code
 * thisUpdate} and {@code nextUpdate}, and one entry per revoked certificate. An entry carries the
 * reason code extension unless the reason is {@code unspecified} (RFC 5280, section 5.3.1, says to
 * leave it out then), and the invalidity date (GeneralizedTime) when the revocation gave one.
 *
 * <p>Revoked certificates stay on the CRL after they expire. RFC 5280 allows either; keeping them
 * means the CRL only grows, by one entry per revoked certificate.
 */
final class CrlGenerator {

    private static final DateTimeFormatter GENERALIZED_TIME =
            DateTimeFormatter.ofPattern("yyyyMMddHHmmss'Z'").withZone(ZoneOffset.UTC);

    private static final Map<RevocationReason, Extension> REASON_EXTENSIONS = reasonExtensions();

    private final CaSigner ca;
    private final X509v2CRLBuilder builder;
    private int entries;

    CrlGenerator(CaSigner ca, Instant thisUpdate, Instant nextUpdate) {
        this.ca = ca;
        this.builder = new X509v2CRLBuilder(ca.subject(), Date.from(thisUpdate));
        builder.setNextUpdate(Date.from(nextUpdate));
    }

    CrlGenerator add(
            BigInteger serialNumber,
            Instant revokedAt,
            RevocationReason reason,
            Instant invalidityDate) {
        Extension reasonExtension = REASON_EXTENSIONS.get(reason);
        Extension invalidity =
                invalidityDate == null
                        ? null
                        : new Extension(
                                Extension.invalidityDate,
                                false,
                                encoded(
                                        new DERGeneralizedTime(
                                                GENERALIZED_TIME.format(invalidityDate))));

        Extensions extensions;
        if (reasonExtension == null && invalidity == null) {
            extensions = null;
        } else if (invalidity == null) {
            extensions = new Extensions(reasonExtension);
        } else if (reasonExtension == null) {
            extensions = new Extensions(invalidity);
        } else {
            extensions = new Extensions(new Extension[] {reasonExtension, invalidity});
        }
        builder.addCRLEntry(serialNumber, Date.from(revokedAt), extensions);
        entries++;
        return this;
    }

    int entries() {
        return entries;
    }

    /** Signs the CRL with the CA key and answers its DER encoding. */
    byte[] sign(long crlNumber) {
        try {
            builder.addExtension(
                    Extension.authorityKeyIdentifier,
                    false,
                    new AuthorityKeyIdentifier(ca.keyIdentifier().getKeyIdentifier()));
            builder.addExtension(
                    Extension.cRLNumber, false, new CRLNumber(BigInteger.valueOf(crlNumber)));
            return builder.build(ca.contentSigner()).getEncoded();
        } catch (IOException e) {
            throw new CertificateAuthorityException("The CRL cannot be built", e);
        }
    }

    private static Map<RevocationReason, Extension> reasonExtensions() {
        Map<RevocationReason, Extension> extensions = new EnumMap<>(RevocationReason.class);
        for (RevocationReason reason : RevocationReason.values()) {
            if (reason != RevocationReason.UNSPECIFIED) {
                extensions.put(
                        reason,
                        new Extension(
                                Extension.reasonCode,
                                false,
                                encoded(CRLReason.lookup(reason.code()))));
            }
        }
        return extensions;
    }

    private static byte[] encoded(org.bouncycastle.asn1.ASN1Encodable value) {
        try {
            return value.toASN1Primitive().getEncoded("DER");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
