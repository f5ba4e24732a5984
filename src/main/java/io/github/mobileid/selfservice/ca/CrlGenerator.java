package io.github.mobileid.selfservice.ca;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.Map;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.TBSCertList;
import org.bouncycastle.asn1.x509.Time;
import org.bouncycastle.asn1.x509.V2TBSCertListGenerator;
import org.bouncycastle.operator.ContentSigner;

/**
 * Builds one signed v2 CRL (RFC 5280, section 5): authority key identifier, CRL number, {@code
 * thisUpdate} and {@code nextUpdate}, and one entry per revoked certificate. An entry carries the
 * reason code extension unless the reason is {@code unspecified} (RFC 5280, section 5.3.1, says to
 * leave it out then), and the invalidity date (GeneralizedTime) when the revocation gave one.
 *
 * <p>Times are encoded straight from the epoch second (UTCTime up to 2049, GeneralizedTime after,
 * RFC 5280 section 5.1.2.4): going through {@link java.util.Date} and BouncyCastle's date
 * formatting costs more than everything else in a CRL of 100,000 entries together.
 *
 * <p>Revoked certificates stay on the CRL after they expire. RFC 5280 allows either; keeping them
 * means the CRL only grows, by one entry per revoked certificate.
 */
final class CrlGenerator {

    private static final Map<RevocationReason, Extension> REASON_EXTENSIONS = reasonExtensions();
    private static final Map<RevocationReason, Extensions> REASON_ONLY = reasonOnly();

    private final CaSigner ca;
    private final ContentSigner signer;
    private final V2TBSCertListGenerator tbsCertList = new V2TBSCertListGenerator();
    private int entries;

    CrlGenerator(CaSigner ca, Instant thisUpdate, Instant nextUpdate) {
        this.ca = ca;
        this.signer = ca.contentSigner();
        tbsCertList.setSignature(signer.getAlgorithmIdentifier());
        tbsCertList.setIssuer(ca.subject());
        tbsCertList.setThisUpdate(time(thisUpdate));
        tbsCertList.setNextUpdate(time(nextUpdate));
    }

    CrlGenerator add(
            BigInteger serialNumber,
            Instant revokedAt,
            RevocationReason reason,
            Instant invalidityDate) {
        Extensions extensions;
        if (invalidityDate == null) {
            extensions = REASON_ONLY.get(reason);
        } else {
            var invalidity =
                    new Extension(Extension.invalidityDate, false, generalizedTime(invalidityDate));
            Extension reasonExtension = REASON_EXTENSIONS.get(reason);
            extensions =
                    reasonExtension == null
                            ? new Extensions(invalidity)
                            : new Extensions(new Extension[] {reasonExtension, invalidity});
        }
        tbsCertList.addCRLEntry(new ASN1Integer(serialNumber), time(revokedAt), extensions);
        entries++;
        return this;
    }

    int entries() {
        return entries;
    }

    /** Signs the CRL with the CA key and answers its DER encoding. */
    byte[] sign(long crlNumber) {
        try {
            tbsCertList.setExtensions(
                    new Extensions(
                            new Extension[] {
                                extension(
                                        Extension.authorityKeyIdentifier,
                                        new AuthorityKeyIdentifier(
                                                ca.keyIdentifier().getKeyIdentifier())),
                                extension(
                                        Extension.cRLNumber,
                                        new CRLNumber(BigInteger.valueOf(crlNumber)))
                            }));
            TBSCertList list = tbsCertList.generateTBSCertList();
            try (OutputStream out = signer.getOutputStream()) {
                list.encodeTo(out, ASN1Encoding.DER);
            }
            ASN1Encodable[] certificateList = {
                list, signer.getAlgorithmIdentifier(), new DERBitString(signer.getSignature())
            };
            return new DERSequence(certificateList).getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new CertificateAuthorityException("The CRL cannot be built", e);
        }
    }

    /** UTCTime for the years 1950 to 2049, GeneralizedTime otherwise. */
    static Time time(Instant instant) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC);
        boolean utc = t.getYear() >= 1950 && t.getYear() < 2050;
        try {
            return new Time(ASN1Primitive.fromByteArray(utc ? utcTime(t) : generalizedTime(t)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The DER encoding of a GeneralizedTime, {@code YYYYMMDDHHMMSSZ}. */
    static byte[] generalizedTime(Instant instant) {
        return generalizedTime(
                LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC));
    }

    private static byte[] generalizedTime(LocalDateTime t) {
        return encode(
                0x18,
                t.getYear() / 100,
                t.getYear() % 100,
                t.getMonthValue(),
                t.getDayOfMonth(),
                t.getHour(),
                t.getMinute(),
                t.getSecond());
    }

    private static byte[] utcTime(LocalDateTime t) {
        return encode(
                0x17,
                t.getYear() % 100,
                t.getMonthValue(),
                t.getDayOfMonth(),
                t.getHour(),
                t.getMinute(),
                t.getSecond());
    }

    /** Tag, length, two digits per field and a closing Z. */
    private static byte[] encode(int tag, int... fields) {
        byte[] der = new byte[2 + 2 * fields.length + 1];
        der[0] = (byte) tag;
        der[1] = (byte) (der.length - 2);
        for (int i = 0; i < fields.length; i++) {
            der[2 + 2 * i] = (byte) ('0' + fields[i] / 10);
            der[3 + 2 * i] = (byte) ('0' + fields[i] % 10);
        }
        der[der.length - 1] = 'Z';
        return der;
    }

    private static Map<RevocationReason, Extension> reasonExtensions() {
        Map<RevocationReason, Extension> extensions = new EnumMap<>(RevocationReason.class);
        for (RevocationReason reason : RevocationReason.values()) {
            if (reason != RevocationReason.UNSPECIFIED) {
                extensions.put(
                        reason, extension(Extension.reasonCode, CRLReason.lookup(reason.code())));
            }
        }
        return extensions;
    }

    private static Map<RevocationReason, Extensions> reasonOnly() {
        Map<RevocationReason, Extensions> extensions = new EnumMap<>(RevocationReason.class);
        reasonExtensions().forEach((reason, e) -> extensions.put(reason, new Extensions(e)));
        return extensions;
    }

    private static Extension extension(ASN1ObjectIdentifier oid, ASN1Encodable value) {
        try {
            return new Extension(oid, false, value.toASN1Primitive().getEncoded(ASN1Encoding.DER));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
