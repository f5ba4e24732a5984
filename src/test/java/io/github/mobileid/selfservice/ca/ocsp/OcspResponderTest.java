package io.github.mobileid.selfservice.ca.ocsp;

import static io.github.mobileid.selfservice.ca.ocsp.OcspTestRequests.basic;
import static io.github.mobileid.selfservice.ca.ocsp.OcspTestRequests.parse;
import static io.github.mobileid.selfservice.ca.ocsp.OcspTestRequests.request;
import static io.github.mobileid.selfservice.ca.ocsp.OcspTestRequests.single;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.mobileid.selfservice.ca.BuiltInCertificateAuthority;
import io.github.mobileid.selfservice.ca.CaSigner;
import io.github.mobileid.selfservice.ca.CaSpringTest;
import io.github.mobileid.selfservice.ca.CertificateType;
import io.github.mobileid.selfservice.ca.IssueRequest;
import io.github.mobileid.selfservice.ca.OpenSsl;
import io.github.mobileid.selfservice.ca.RevocationReason;
import io.github.mobileid.selfservice.ca.TestKeys;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.bouncycastle.asn1.ASN1GeneralizedTime;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.RespID;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

@CaSpringTest
class OcspResponderTest {

    private static final byte[] NONCE = "0123456789abcdef".getBytes();

    @Autowired OcspResponder responder;
    @Autowired BuiltInCertificateAuthority ca;
    @Autowired CaSigner caSigner;

    @TempDir Path directory;

    @Test
    void aGoodCertificateIsGoodForTheNextUpdatePeriod() throws Exception {
        BigInteger serial = issue();

        byte[] response = responder.respond(request(caCertificate(), serial, null));

        assertThat(parse(response).getStatus()).isEqualTo(OCSPRespBuilder.SUCCESSFUL);
        BasicOCSPResp basic = basic(response);
        assertThat(basic.isSignatureValid(verifier(caCertificate()))).isTrue();
        assertThat(basic.getCerts()).as("the CA signs itself").isEmpty();
        SingleResp single = single(response);
        assertThat(single.getCertID().getSerialNumber()).isEqualTo(serial);
        assertThat(single.getCertStatus()).as("good").isNull();
        assertThat(
                        Duration.between(
                                single.getThisUpdate().toInstant(),
                                single.getNextUpdate().toInstant()))
                .isEqualTo(Duration.ofHours(1));
        assertThat(single.getThisUpdate().toInstant())
                .isBetween(Instant.now().minusSeconds(60), Instant.now());
    }

    @Test
    void aRevokedCertificateIsRevokedWithItsTimeReasonAndInvalidityDate() {
        BigInteger serial = issue();
        Instant stolenAt = Instant.parse("2026-04-05T06:07:08Z");
        ca.revoke(serial, RevocationReason.KEY_COMPROMISE, stolenAt);

        SingleResp single = single(responder.respond(request(caCertificate(), serial, null)));

        assertThat(single.getCertStatus()).isInstanceOf(RevokedStatus.class);
        var revoked = (RevokedStatus) single.getCertStatus();
        assertThat(revoked.getRevocationTime().toInstant())
                .isEqualTo(ca.status(serial).revokedAt());
        assertThat(revoked.hasRevocationReason()).isTrue();
        assertThat(revoked.getRevocationReason()).isEqualTo(1);
        var invalidity =
                ASN1GeneralizedTime.getInstance(
                        single.getExtension(Extension.invalidityDate).getParsedValue());
        assertThat(invalidity.getTimeString()).isEqualTo("20260405060708Z");
    }

    @Test
    void anUnspecifiedRevocationCarriesNoReason() {
        BigInteger serial = issue();
        ca.revoke(serial, RevocationReason.UNSPECIFIED, null);

        SingleResp single = single(responder.respond(request(caCertificate(), serial, null)));

        assertThat(single.getCertStatus()).isInstanceOf(RevokedStatus.class);
        assertThat(((RevokedStatus) single.getCertStatus()).hasRevocationReason()).isFalse();
        assertThat(single.getExtension(Extension.invalidityDate)).isNull();
    }

    @Test
    void aSerialTheCaNeverIssuedIsUnknown() {
        byte[] response =
                responder.respond(request(caCertificate(), BigInteger.valueOf(4711), null));

        assertThat(single(response).getCertStatus()).isInstanceOf(UnknownStatus.class);
    }

    @Test
    void aCertificateIdOfAnotherIssuerIsUnknown() {
        BigInteger serial = issue();
        X509Certificate otherIssuer = issuedCertificate(CertificateType.SIGNATURE);

        byte[] response = responder.respond(request(otherIssuer, serial, null));

        assertThat(single(response).getCertStatus()).isInstanceOf(UnknownStatus.class);
    }

    @Test
    void theNonceIsEchoedInTheEncodingTheClientSent() throws Exception {
        byte[] request = request(caCertificate(), issue(), NONCE);

        BasicOCSPResp basic = basic(responder.respond(request));

        Extension nonce = basic.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
        assertThat(nonce).isNotNull();
        assertThat(nonce.getExtnValue().getOctets())
                .isEqualTo(new DEROctetString(NONCE).getEncoded());
        assertThat(ASN1OctetString.getInstance(nonce.getParsedValue()).getOctets())
                .isEqualTo(NONCE);
    }

    @Test
    void aNonceLongerThan32OctetsIsAMalformedRequest() {
        byte[] request = request(caCertificate(), issue(), new byte[33]);

        assertThat(parse(responder.respond(request)).getStatus())
                .isEqualTo(OCSPRespBuilder.MALFORMED_REQUEST);
    }

    @Test
    void garbageIsAMalformedRequest() {
        byte[] garbage = "this is not DER at all".getBytes();

        assertThat(parse(responder.respond(garbage)).getStatus())
                .isEqualTo(OCSPRespBuilder.MALFORMED_REQUEST);
        assertThat(parse(responder.respond(new byte[0])).getStatus())
                .isEqualTo(OCSPRespBuilder.MALFORMED_REQUEST);
    }

    @Test
    void theResponderIsIdentifiedByTheHashOfTheCaKey() throws Exception {
        BasicOCSPResp basic = basic(responder.respond(request(caCertificate(), issue(), null)));

        assertThat(basic.getResponderId())
                .isEqualTo(
                        new RespID(
                                caSigner.certificateHolder().getSubjectPublicKeyInfo(),
                                ResponderIds.sha1()));
    }

    @Test
    void aDelegatedResponderSignsWithAKeyTheCaCertifiedForOcspSigning() throws Exception {
        var delegated =
                new OcspResponder(
                        ca,
                        caSigner,
                        new DelegatedOcspSigner(ca, Duration.ofDays(30), Clock.systemUTC()),
                        Duration.ofHours(1),
                        Duration.ZERO,
                        Clock.systemUTC());
        BigInteger serial = issue();
        ca.revoke(serial, RevocationReason.KEY_COMPROMISE, null);
        byte[] request = request(caCertificate(), serial, NONCE);

        byte[] response = delegated.respond(request);

        BasicOCSPResp basic = basic(response);
        assertThat(basic.getCerts()).hasSize(1);
        X509CertificateHolder responderHolder = basic.getCerts()[0];
        X509Certificate responderCertificate =
                new JcaX509CertificateConverter().getCertificate(responderHolder);
        responderCertificate.verify(caCertificate().getPublicKey());
        assertThat(responderCertificate.getExtendedKeyUsage())
                .containsExactly(KeyPurposeId.id_kp_OCSPSigning.getId());
        assertThat(
                        responderCertificate.getExtensionValue(
                                OCSPObjectIdentifiers.id_pkix_ocsp_nocheck.getId()))
                .isNotNull();
        assertThat(basic.isSignatureValid(verifier(responderCertificate))).isTrue();
        assertThat(basic.getResponderId())
                .isEqualTo(
                        new RespID(responderHolder.getSubjectPublicKeyInfo(), ResponderIds.sha1()));

        Files.write(directory.resolve("request.der"), request);
        Files.write(directory.resolve("response.der"), response);
        Files.writeString(directory.resolve("ca.pem"), pem(caCertificate()));
        OpenSsl.Result result =
                OpenSsl.run(
                        directory,
                        "ocsp",
                        "-reqin",
                        "request.der",
                        "-respin",
                        "response.der",
                        "-CAfile",
                        "ca.pem",
                        "-resp_text");
        assertThat(result.output()).contains("Response verify OK").contains("Cert Status: revoked");
    }

    @Test
    void aRepeatedRequestWithoutNonceIsAnsweredFromTheCacheUntilTheRecordChanges() {
        var clock = new MovableClock(Instant.now());
        var cached =
                new OcspResponder(
                        ca,
                        caSigner,
                        new CaOcspSigner(caSigner),
                        Duration.ofHours(1),
                        Duration.ofMinutes(1),
                        clock);
        BigInteger serial = issue();
        byte[] request = request(caCertificate(), serial, null);
        byte[] first = cached.respond(request);

        clock.advance(Duration.ofSeconds(10));
        byte[] again = cached.respond(request);
        ca.revoke(serial, RevocationReason.KEY_COMPROMISE, null);
        byte[] afterRevocation = cached.respond(request);
        clock.advance(Duration.ofMinutes(1));
        byte[] afterTimeToLive = cached.respond(request);

        assertThat(again).isEqualTo(first);
        assertThat(single(afterRevocation).getCertStatus()).isInstanceOf(RevokedStatus.class);
        assertThat(single(afterRevocation).getThisUpdate()).isAfter(single(first).getThisUpdate());
        assertThat(single(afterTimeToLive).getThisUpdate())
                .isAfter(single(afterRevocation).getThisUpdate());
    }

    @Test
    void aRequestWithNonceIsAlwaysSignedAfresh() {
        var clock = new MovableClock(Instant.now());
        var cached =
                new OcspResponder(
                        ca,
                        caSigner,
                        new CaOcspSigner(caSigner),
                        Duration.ofHours(1),
                        Duration.ofMinutes(1),
                        clock);
        byte[] request = request(caCertificate(), issue(), NONCE);
        byte[] first = cached.respond(request);

        clock.advance(Duration.ofSeconds(10));
        byte[] again = cached.respond(request);

        assertThat(single(again).getThisUpdate()).isAfter(single(first).getThisUpdate());
    }

    private BigInteger issue() {
        return issuedCertificate(CertificateType.AUTHENTICATION).getSerialNumber();
    }

    private X509Certificate issuedCertificate(CertificateType type) {
        return ca.issue(
                new IssueRequest("dave", "mobile-4", type, TestKeys.newKeyPair().getPublic()));
    }

    private X509Certificate caCertificate() {
        return ca.caCertificate();
    }

    private static org.bouncycastle.operator.ContentVerifierProvider verifier(
            X509Certificate certificate) throws Exception {
        return new JcaContentVerifierProviderBuilder().build(certificate);
    }

    static String pem(X509Certificate certificate) throws Exception {
        return "-----BEGIN CERTIFICATE-----\n"
                + java.util.Base64.getMimeEncoder(64, new byte[] {'\n'})
                        .encodeToString(certificate.getEncoded())
                + "\n-----END CERTIFICATE-----\n";
    }

    /** A clock the test moves forward. */
    private static final class MovableClock extends Clock {

        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
