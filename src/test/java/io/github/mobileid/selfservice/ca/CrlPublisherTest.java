package io.github.mobileid.selfservice.ca;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.bouncycastle.asn1.ASN1Enumerated;
import org.bouncycastle.asn1.ASN1GeneralizedTime;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;

@CaSpringTest
class CrlPublisherTest {

    @Autowired CertificateAuthority ca;
    @Autowired CaSigner signer;
    @Autowired CaProperties properties;
    @Autowired CrlRepository crlRepository;
    @Autowired PlatformTransactionManager transactionManager;

    @TempDir Path directory;

    @Test
    void theCrlIsASignedV2CrlOfTheCa() throws Exception {
        X509CRL crl = parse(ca.currentCrl());

        crl.verify(ca.caCertificate().getPublicKey());
        assertThat(crl.getVersion()).isEqualTo(2);
        assertThat(crl.getIssuerX500Principal())
                .isEqualTo(ca.caCertificate().getSubjectX500Principal());
        assertThat(
                        Duration.between(
                                crl.getThisUpdate().toInstant(), crl.getNextUpdate().toInstant()))
                .isEqualTo(properties.crlNextUpdate());
        assertThat(
                        AuthorityKeyIdentifier.getInstance(
                                        extension(
                                                crl.getExtensionValue(
                                                        Extension.authorityKeyIdentifier.getId())))
                                .getKeyIdentifier())
                .isEqualTo(signer.keyIdentifier().getKeyIdentifier());
    }

    @Test
    void revokedSerialsAreListedWithTheirReasonExceptUnspecified() throws Exception {
        BigInteger unspecified = issue();
        BigInteger stolen = issue();
        BigInteger good = issue();
        Instant stolenAt = Instant.parse("2026-03-04T05:06:07Z");
        ca.revoke(unspecified, RevocationReason.UNSPECIFIED, null);
        ca.revoke(stolen, RevocationReason.KEY_COMPROMISE, stolenAt);

        X509CRL crl = parse(ca.currentCrl());

        assertThat(crl.getRevokedCertificate(good)).isNull();
        X509CRLEntry unspecifiedEntry = crl.getRevokedCertificate(unspecified);
        assertThat(unspecifiedEntry).isNotNull();
        assertThat(unspecifiedEntry.getExtensionValue(Extension.reasonCode.getId())).isNull();
        assertThat(unspecifiedEntry.getExtensionValue(Extension.invalidityDate.getId())).isNull();
        assertThat(unspecifiedEntry.getRevocationDate().toInstant())
                .isEqualTo(ca.status(unspecified).revokedAt());

        X509CRLEntry stolenEntry = crl.getRevokedCertificate(stolen);
        assertThat(
                        ASN1Enumerated.getInstance(
                                        extension(
                                                stolenEntry.getExtensionValue(
                                                        Extension.reasonCode.getId())))
                                .intValueExact())
                .isEqualTo(1);
        ASN1Primitive invalidity =
                ASN1Primitive.fromByteArray(
                        extension(stolenEntry.getExtensionValue(Extension.invalidityDate.getId())));
        assertThat(invalidity).isInstanceOf(ASN1GeneralizedTime.class);
        assertThat(((ASN1GeneralizedTime) invalidity).getTimeString()).isEqualTo("20260304050607Z");
    }

    @Test
    void theCrlNumberIncreasesWithEachRevocationAndNotWithoutOne() throws Exception {
        BigInteger serial = issue();
        byte[] before = ca.currentCrl();

        byte[] unchanged = ca.currentCrl();
        ca.revoke(serial, RevocationReason.CESSATION_OF_OPERATION, null);
        byte[] after = ca.currentCrl();

        assertThat(unchanged).as("served from the cache").isEqualTo(before);
        assertThat(crlNumber(parse(after))).isGreaterThan(crlNumber(parse(before)));
        assertThat(parse(after).getRevokedCertificate(serial)).isNotNull();
    }

    @Test
    void anotherNodeOnTheSameDatabaseServesTheLatestCrl() throws Exception {
        var otherNode =
                new CrlPublisher(
                        crlRepository, signer, properties, Clock.systemUTC(), transactionManager);
        BigInteger serial = issue();
        byte[] before = otherNode.currentCrl();

        ca.revoke(serial, RevocationReason.AFFILIATION_CHANGED, null);
        byte[] madeHere = ca.currentCrl();
        byte[] servedThere = otherNode.currentCrl();

        assertThat(servedThere).isEqualTo(madeHere);
        assertThat(crlNumber(parse(servedThere))).isGreaterThan(crlNumber(parse(before)));
    }

    @Test
    void aCrlPastHalfItsPeriodIsMadeAgain() throws Exception {
        BigInteger before = crlNumber(parse(ca.currentCrl()));
        Clock later =
                Clock.fixed(
                        Instant.now().plus(properties.crlNextUpdate().dividedBy(2)).plusSeconds(1),
                        ZoneOffset.UTC);
        var nodeWithLaterClock =
                new CrlPublisher(crlRepository, signer, properties, later, transactionManager);

        X509CRL crl = parse(nodeWithLaterClock.currentCrl());

        assertThat(crlNumber(crl)).isGreaterThan(before);
        assertThat(crl.getThisUpdate().toInstant()).isAfter(Instant.now());
    }

    @Test
    void openSslVerifiesTheCrlWithTheCaCertificate() throws Exception {
        BigInteger serial = issue();
        ca.revoke(serial, RevocationReason.KEY_COMPROMISE, Instant.parse("2026-01-01T00:00:00Z"));
        Files.writeString(directory.resolve("ca.pem"), Certificates.toPem(ca.caCertificate()));
        Files.write(directory.resolve("crl.der"), ca.currentCrl());

        OpenSsl.Result result =
                OpenSsl.run(
                        directory, "crl", "-inform", "DER", "-in", "crl.der", "-CAfile", "ca.pem",
                        "-noout", "-text");

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output())
                .contains("verify OK")
                .contains("Version 2")
                .containsIgnoringCase(serial.toString(16))
                .contains("Key Compromise")
                .contains("Invalidity Date");
    }

    private BigInteger issue() {
        return ca.issue(
                        new IssueRequest(
                                "carol",
                                "mobile-3",
                                CertificateType.AUTHENTICATION,
                                TestKeys.newKeyPair().getPublic()))
                .getSerialNumber();
    }

    static X509CRL parse(byte[] der) throws Exception {
        return (X509CRL)
                CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(der));
    }

    static BigInteger crlNumber(X509CRL crl) {
        return ASN1Integer.getInstance(
                        extension(crl.getExtensionValue(Extension.cRLNumber.getId())))
                .getValue();
    }

    private static byte[] extension(byte[] value) {
        assertThat(value).isNotNull();
        return ASN1OctetString.getInstance(value).getOctets();
    }
}
