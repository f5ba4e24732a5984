package io.github.mobileid.selfservice.ca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.assertj.core.data.TemporalUnitOffset;
import org.assertj.core.data.TemporalUnitWithinOffset;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@CaSpringTest
class BuiltInCertificateAuthorityTest {

    @Autowired CertificateAuthority ca;
    @Autowired CaProperties properties;
    @Autowired JdbcClient jdbc;

    @Test
    void theBuiltInCaIsTheDefaultCertificateAuthority() {
        assertThat(ca).isInstanceOf(BuiltInCertificateAuthority.class);
    }

    @Test
    void issuedAuthenticationCertificateVerifiesWithTheCaKeyAndCarriesItsExtensions()
            throws Exception {
        var keyPair = TestKeys.newKeyPair();

        X509Certificate certificate =
                ca.issue(
                        new IssueRequest(
                                "alice",
                                "mobile-1",
                                CertificateType.AUTHENTICATION,
                                keyPair.getPublic()));

        certificate.verify(ca.caCertificate().getPublicKey());
        assertThat(certificate.getIssuerX500Principal())
                .isEqualTo(ca.caCertificate().getSubjectX500Principal());
        assertThat(Certificates.subjectName(certificate))
                .isEqualTo("CN=alice,SERIALNUMBER=mobile-1,O=Mobile ID Self-Service");
        assertThat(certificate.getPublicKey()).isEqualTo(keyPair.getPublic());
        assertThat(certificate.getSerialNumber().signum()).isPositive();
        assertThat(certificate.getSerialNumber().bitLength()).isGreaterThan(64);
        assertThat(certificate.getBasicConstraints()).as("not a CA").isEqualTo(-1);
        assertThat(certificate.getCriticalExtensionOIDs())
                .contains(Extension.basicConstraints.getId(), Extension.keyUsage.getId());
        assertThat(certificate.getKeyUsage())
                .startsWith(true, false, false, false, false, false, false);
        assertThat(certificate.getExtendedKeyUsage())
                .containsExactly(KeyPurposeId.id_kp_clientAuth.getId());
        assertThat(certificate.getSigAlgName()).isEqualTo("SHA256withECDSA");

        assertThat(authorityKeyIdentifier(certificate))
                .isEqualTo(subjectKeyIdentifier(ca.caCertificate()));
        assertThat(subjectKeyIdentifier(certificate)).isNotEmpty();

        String base = properties.baseUrl();
        assertThat(crlDistributionPoints(certificate)).containsExactly(base + "/ca/crl");
        assertThat(authorityInformationAccess(certificate))
                .containsExactly(
                        AccessDescription.id_ad_ocsp.getId() + " " + base + "/ocsp",
                        AccessDescription.id_ad_caIssuers.getId() + " " + base + "/ca/certificate");
    }

    @Test
    void signatureAndEncryptionCertificatesCarryTheirOwnKeyUsage() throws Exception {
        X509Certificate signature = issue(CertificateType.SIGNATURE);
        X509Certificate encryption = issue(CertificateType.ENCRYPTION);

        // digitalSignature, nonRepudiation, keyEncipherment, dataEncipherment, keyAgreement
        assertThat(signature.getKeyUsage()).startsWith(false, true, false, false, false);
        assertThat(signature.getExtendedKeyUsage()).isNull();
        assertThat(encryption.getKeyUsage()).startsWith(false, false, true, false, true);
    }

    @Test
    void theCaRecordsEveryIssuedCertificate() {
        X509Certificate certificate = issue(CertificateType.AUTHENTICATION);

        String pem =
                jdbc.sql("SELECT pem FROM ca_certificate WHERE serial_number = ?")
                        .param(certificate.getSerialNumber().toString(16))
                        .query(String.class)
                        .single();
        assertThat(pem).isEqualTo(Certificates.toPem(certificate));
        assertThat(ca.status(certificate.getSerialNumber()).state())
                .isEqualTo(CertificateStatus.State.GOOD);
    }

    @Test
    void revokingRecordsTheReasonAndTheInvalidityDate() {
        BigInteger serial = issue(CertificateType.AUTHENTICATION).getSerialNumber();
        Instant lostSince = Instant.parse("2026-01-02T03:04:05.678Z");

        RevocationOutcome outcome = ca.revoke(serial, RevocationReason.SUPERSEDED, lostSince);

        assertThat(outcome).isEqualTo(RevocationOutcome.REVOKED);
        CertificateStatus status = ca.status(serial);
        assertThat(status.state()).isEqualTo(CertificateStatus.State.REVOKED);
        assertThat(status.revocationReason()).isEqualTo(RevocationReason.SUPERSEDED);
        assertThat(status.revokedAt()).isCloseTo(Instant.now(), within(60));
        assertThat(status.invalidityDate()).isEqualTo(lostSince.truncatedTo(ChronoUnit.SECONDS));
        assertThat(auditActions(serial)).containsExactly("revoked");
    }

    @Test
    void revokingAgainWithTheSameReasonChangesNothing() {
        BigInteger serial = issue(CertificateType.AUTHENTICATION).getSerialNumber();
        ca.revoke(serial, RevocationReason.UNSPECIFIED, null);
        CertificateStatus before = ca.status(serial);
        long revision = revision();

        RevocationOutcome outcome =
                ca.revoke(
                        serial,
                        RevocationReason.UNSPECIFIED,
                        Instant.parse("2026-01-01T00:00:00Z"));

        assertThat(outcome).isEqualTo(RevocationOutcome.ALREADY_REVOKED);
        assertThat(ca.status(serial)).isEqualTo(before);
        assertThat(revision()).isEqualTo(revision);
        assertThat(auditActions(serial)).containsExactly("revoked");
    }

    @Test
    void theReasonMayBeRaisedToKeyCompromiseKeepingTheRevocationTime() {
        BigInteger serial = issue(CertificateType.SIGNATURE).getSerialNumber();
        ca.revoke(serial, RevocationReason.UNSPECIFIED, null);
        Instant revokedAt = ca.status(serial).revokedAt();
        Instant stolenAt = Instant.parse("2026-02-03T04:05:06Z");

        RevocationOutcome outcome = ca.revoke(serial, RevocationReason.KEY_COMPROMISE, stolenAt);

        assertThat(outcome).isEqualTo(RevocationOutcome.REASON_CHANGED);
        CertificateStatus status = ca.status(serial);
        assertThat(status.revocationReason()).isEqualTo(RevocationReason.KEY_COMPROMISE);
        assertThat(status.revokedAt()).isEqualTo(revokedAt);
        assertThat(status.invalidityDate()).isEqualTo(stolenAt);
        assertThat(auditActions(serial)).containsExactly("revoked", "reasonChanged");
    }

    @Test
    void anyOtherChangeOfReasonIsRefusedAndChangesNothing() {
        BigInteger serial = issue(CertificateType.AUTHENTICATION).getSerialNumber();
        ca.revoke(serial, RevocationReason.KEY_COMPROMISE, null);

        assertThatThrownBy(() -> ca.revoke(serial, RevocationReason.SUPERSEDED, null))
                .isInstanceOf(RevocationReasonChangeException.class)
                .hasMessageContaining(serial.toString(16))
                .hasMessageContaining("keyCompromise")
                .hasMessageContaining("superseded");

        assertThat(ca.status(serial).revocationReason()).isEqualTo(RevocationReason.KEY_COMPROMISE);
    }

    @Test
    void revokingASerialTheCaNeverIssuedIsRefused() {
        BigInteger never = new BigInteger("123456789abcdef", 16);

        assertThatThrownBy(() -> ca.revoke(never, RevocationReason.UNSPECIFIED, null))
                .isInstanceOf(UnknownCertificateException.class)
                .hasMessageContaining("123456789abcdef");

        assertThat(ca.status(never).state()).isEqualTo(CertificateStatus.State.UNKNOWN);
    }

    @Test
    void concurrentRevocationsOfOneSerialRevokeItOnce() throws Exception {
        BigInteger serial = issue(CertificateType.AUTHENTICATION).getSerialNumber();
        long revision = revision();
        Callable<RevocationOutcome> revoke =
                () -> ca.revoke(serial, RevocationReason.KEY_COMPROMISE, null);

        List<RevocationOutcome> outcomes;
        var executor = Executors.newFixedThreadPool(4);
        try {
            List<Future<RevocationOutcome>> futures =
                    executor.invokeAll(List.of(revoke, revoke, revoke, revoke));
            outcomes = futures.stream().map(BuiltInCertificateAuthorityTest::get).toList();
        } finally {
            executor.shutdown();
        }

        assertThat(outcomes)
                .containsExactlyInAnyOrder(
                        RevocationOutcome.REVOKED,
                        RevocationOutcome.ALREADY_REVOKED,
                        RevocationOutcome.ALREADY_REVOKED,
                        RevocationOutcome.ALREADY_REVOKED);
        assertThat(revision()).isEqualTo(revision + 1);
        assertThat(auditActions(serial)).containsExactly("revoked");
    }

    private X509Certificate issue(CertificateType type) {
        return ca.issue(
                new IssueRequest("bob", "mobile-2", type, TestKeys.newKeyPair().getPublic()));
    }

    private long revision() {
        return jdbc.sql("SELECT counter_value FROM ca_counter WHERE name = 'revision'")
                .query(Long.class)
                .single();
    }

    private List<String> auditActions(BigInteger serial) {
        return jdbc.sql(
                        "SELECT action FROM ca_revocation_audit WHERE serial_number = ? ORDER BY"
                                + " id")
                .param(serial.toString(16))
                .query(String.class)
                .list();
    }

    private static <T> T get(Future<T> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static TemporalUnitOffset within(long seconds) {
        return new TemporalUnitWithinOffset(seconds, ChronoUnit.SECONDS);
    }

    private static byte[] subjectKeyIdentifier(X509Certificate certificate) {
        return SubjectKeyIdentifier.getInstance(
                        extension(certificate, Extension.subjectKeyIdentifier.getId()))
                .getKeyIdentifier();
    }

    private static byte[] authorityKeyIdentifier(X509Certificate certificate) {
        return AuthorityKeyIdentifier.getInstance(
                        extension(certificate, Extension.authorityKeyIdentifier.getId()))
                .getKeyIdentifier();
    }

    private static List<String> crlDistributionPoints(X509Certificate certificate) {
        var points =
                CRLDistPoint.getInstance(
                        extension(certificate, Extension.cRLDistributionPoints.getId()));
        return Arrays.stream(points.getDistributionPoints())
                .flatMap(
                        p ->
                                Arrays.stream(
                                        GeneralNames.getInstance(p.getDistributionPoint().getName())
                                                .getNames()))
                .map(BuiltInCertificateAuthorityTest::uri)
                .toList();
    }

    private static List<String> authorityInformationAccess(X509Certificate certificate) {
        var access =
                AuthorityInformationAccess.getInstance(
                        extension(certificate, Extension.authorityInfoAccess.getId()));
        return Arrays.stream(access.getAccessDescriptions())
                .map(d -> d.getAccessMethod().getId() + " " + uri(d.getAccessLocation()))
                .toList();
    }

    private static String uri(GeneralName name) {
        assertThat(name.getTagNo()).isEqualTo(GeneralName.uniformResourceIdentifier);
        return name.getName().toString();
    }

    private static byte[] extension(X509Certificate certificate, String oid) {
        byte[] value = certificate.getExtensionValue(oid);
        assertThat(value).as("extension %s", oid).isNotNull();
        return ASN1OctetString.getInstance(value).getOctets();
    }
}
