package io.github.mobileid.selfservice.ca.ocsp;

import io.github.mobileid.selfservice.ca.CaSigner;
import io.github.mobileid.selfservice.ca.CertificateAuthority;
import io.github.mobileid.selfservice.ca.CertificateStatus;
import io.github.mobileid.selfservice.ca.RevocationReason;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1GeneralizedTime;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.ocsp.RevokedInfo;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.Req;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The OCSP responder of the built-in CA (RFC 6960): reads a DER request and answers a signed DER
 * response, never an exception.
 *
 * <ul>
 *   <li>Each certificate's status comes from the CA's own records at the time of the request, so a
 *       revocation is visible as soon as its transaction commits: {@code good}, {@code revoked}
 *       (with the revocation time, the reason unless it is {@code unspecified}, and the invalidity
 *       date as a single extension when the revocation gave one) or {@code unknown} for a serial
 *       this CA never issued or a certificate ID naming another issuer.
 *   <li>The responder ID is the SHA-1 hash of the signing key; {@code thisUpdate} is the time the
 *       response was signed, {@code nextUpdate} {@code mobileid.ca.ocsp.next-update} later.
 *   <li>A nonce in the request's extensions is echoed unchanged, in the encoding the client sent
 *       (OpenSSL wraps it in an OCTET STRING); a nonce longer than 32 octets is refused (RFC 8954).
 *   <li>Anything that does not parse, an empty request list or more than {@value #MAX_REQUESTS}
 *       certificates gets {@code malformedRequest}; a failure while answering (say, the database is
 *       down) gets {@code internalError}.
 * </ul>
 *
 * <p>Every request reads the CA's records. A response to a request with a nonce is signed for that
 * request; a response to a nonce-free request for one certificate may come from the {@link
 * ResponseCache} while the certificate's record is unchanged.
 *
 * <p>Limitation: the status is the revocation status only. A certificate past its {@code notAfter}
 * that was never revoked is answered {@code good}; relying parties check validity periods
 * themselves, as RFC 6960 expects.
 */
final class OcspResponder {

    private static final Logger log = LoggerFactory.getLogger(OcspResponder.class);

    static final int MAX_REQUESTS = 20;
    private static final int MAX_NONCE_OCTETS = 32;

    private final CertificateAuthority ca;
    private final OcspSigner signer;
    private final Duration nextUpdate;
    private final Clock clock;
    private final List<IssuerHashes> issuerHashes;
    private final ResponseCache cache;

    OcspResponder(
            CertificateAuthority ca,
            CaSigner caSigner,
            OcspSigner signer,
            Duration nextUpdate,
            Duration cacheTimeToLive,
            Clock clock) {
        this.ca = ca;
        this.cache = new ResponseCache(cacheTimeToLive);
        this.signer = signer;
        this.nextUpdate = nextUpdate;
        this.clock = clock;
        this.issuerHashes =
                List.of(
                        IssuerHashes.of(caSigner.certificateHolder(), CertificateID.HASH_SHA1),
                        IssuerHashes.of(
                                caSigner.certificateHolder(),
                                new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256)));
    }

    /** The DER response to a DER request. */
    byte[] respond(byte[] request) {
        OCSPReq ocspRequest;
        try {
            ocspRequest = new OCSPReq(request);
        } catch (IOException | RuntimeException e) {
            // Debug only: anyone can send garbage, and it must not flood the log.
            log.debug(
                    "OCSP request refused as malformed: bytes={}, error={}",
                    request.length,
                    e.toString());
            return status(OCSPRespBuilder.MALFORMED_REQUEST);
        }

        try {
            return respond(ocspRequest);
        } catch (MalformedRequestException e) {
            log.debug("OCSP request refused as malformed: error={}", e.getMessage());
            return status(OCSPRespBuilder.MALFORMED_REQUEST);
        } catch (RuntimeException e) {
            log.warn("OCSP response failed: error={}", e.toString());
            return status(OCSPRespBuilder.INTERNAL_ERROR);
        }
    }

    private byte[] respond(OCSPReq request) {
        Req[] requests = request.getRequestList();
        if (requests.length == 0 || requests.length > MAX_REQUESTS) {
            throw new MalformedRequestException(
                    "a request must name 1 to "
                            + MAX_REQUESTS
                            + " certificates, not "
                            + requests.length);
        }
        Extension nonce = nonce(request);
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);

        List<Lookup> lookups = Arrays.stream(requests).map(r -> lookup(r.getCertID())).toList();
        if (nonce == null && lookups.size() == 1) {
            Lookup lookup = lookups.get(0);
            return cache.get(lookup.id(), lookup.status(), now, () -> sign(lookups, null, now));
        }
        return sign(lookups, nonce, now);
    }

    /** The CA's record of the certificate now; unknown when the ID names another issuer. */
    private Lookup lookup(CertificateID id) {
        BigInteger serial = id.getSerialNumber();
        if (issuerHashes.stream().noneMatch(h -> h.matches(id))) {
            return new Lookup(id, CertificateStatus.unknown(serial));
        }
        return new Lookup(id, ca.status(serial));
    }

    private byte[] sign(List<Lookup> lookups, Extension nonce, Instant now) {
        Date thisUpdate = Date.from(now);
        Date next = Date.from(now.plus(nextUpdate));
        ResponderCredentials credentials = signer.credentials();
        var builder = new BasicOCSPRespBuilder(credentials.responderId());
        for (Lookup lookup : lookups) {
            Answer answer = answer(lookup.status());
            builder.addResponse(
                    lookup.id(), answer.status(), thisUpdate, next, answer.extensions());
        }
        if (nonce != null) {
            builder.setResponseExtensions(new Extensions(nonce));
        }

        try {
            BasicOCSPResp basic =
                    builder.build(
                            credentials.signer().get(), credentials.certificates(), thisUpdate);
            return encode(new OCSPRespBuilder().build(OCSPRespBuilder.SUCCESSFUL, basic));
        } catch (OCSPException e) {
            throw new IllegalStateException("The OCSP response cannot be signed", e);
        }
    }

    private static Answer answer(CertificateStatus status) {
        return switch (status.state()) {
            case GOOD -> new Answer(org.bouncycastle.cert.ocsp.CertificateStatus.GOOD, null);
            case UNKNOWN -> new Answer(new UnknownStatus(), null);
            case REVOKED -> revoked(status);
        };
    }

    private static Answer revoked(CertificateStatus status) {
        // RFC 5280 leaves the reason out for unspecified; the OCSP answer follows the CRL entry.
        CRLReason reason =
                status.revocationReason() == RevocationReason.UNSPECIFIED
                        ? null
                        : CRLReason.lookup(status.revocationReason().code());
        var revoked =
                new RevokedStatus(
                        new RevokedInfo(
                                new ASN1GeneralizedTime(Date.from(status.revokedAt())), reason));
        Extensions extensions = null;
        if (status.invalidityDate() != null) {
            extensions =
                    new Extensions(
                            extension(
                                    Extension.invalidityDate,
                                    new ASN1GeneralizedTime(Date.from(status.invalidityDate()))));
        }
        return new Answer(revoked, extensions);
    }

    /** The request's nonce extension, copied as it came, or null when it has none. */
    private static Extension nonce(OCSPReq request) {
        Extension nonce = request.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
        if (nonce == null) {
            return null;
        }
        byte[] value = nonce.getExtnValue().getOctets();
        int length = value.length;
        try {
            // OpenSSL and RFC 8954 wrap the nonce octets in an OCTET STRING; older clients do not.
            length = ASN1OctetString.getInstance(value).getOctets().length;
        } catch (RuntimeException e) {
            // Not wrapped: the extension value itself is the nonce.
        }
        if (length == 0 || length > MAX_NONCE_OCTETS) {
            throw new MalformedRequestException(
                    "a nonce must have 1 to " + MAX_NONCE_OCTETS + " octets, not " + length);
        }
        return new Extension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce, false, nonce.getExtnValue());
    }

    private static Extension extension(ASN1ObjectIdentifier oid, ASN1Encodable value) {
        try {
            return new Extension(oid, false, value.toASN1Primitive().getEncoded("DER"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] status(int status) {
        try {
            return encode(new OCSPRespBuilder().build(status, null));
        } catch (OCSPException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] encode(OCSPResp response) {
        try {
            return response.getEncoded();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Lookup(CertificateID id, CertificateStatus status) {}

    /** The status as RFC 6960 encodes it; null means good. */
    private record Answer(
            org.bouncycastle.cert.ocsp.CertificateStatus status, Extensions extensions) {}

    /** The issuer name and key hashes of this CA for one hash algorithm. */
    private record IssuerHashes(AlgorithmIdentifier algorithm, byte[] nameHash, byte[] keyHash) {

        static IssuerHashes of(X509CertificateHolder issuer, AlgorithmIdentifier algorithm) {
            try {
                DigestCalculatorProvider digests = new JcaDigestCalculatorProviderBuilder().build();
                var id = new CertificateID(digests.get(algorithm), issuer, BigInteger.ONE);
                return new IssuerHashes(algorithm, id.getIssuerNameHash(), id.getIssuerKeyHash());
            } catch (OperatorCreationException | OCSPException e) {
                throw new IllegalStateException("The CA's issuer hashes cannot be computed", e);
            }
        }

        boolean matches(CertificateID id) {
            return algorithm.getAlgorithm().equals(id.getHashAlgOID())
                    && Arrays.equals(nameHash, id.getIssuerNameHash())
                    && Arrays.equals(keyHash, id.getIssuerKeyHash());
        }
    }

    private static final class MalformedRequestException extends RuntimeException {
        MalformedRequestException(String message) {
            super(message);
        }
    }
}
