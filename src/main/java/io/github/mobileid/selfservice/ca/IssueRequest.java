package io.github.mobileid.selfservice.ca;

import java.security.PublicKey;

/**
 * A request to certify a public key.
 *
 * @param commonName the subject's common name, for example the user id
 * @param mobileId the mobile ID the certificate belongs to (kept in the subject's serial number
 *     attribute so that a relying party can tell two mobile IDs of one user apart)
 * @param type the certificate profile
 * @param publicKey the key to certify
 */
public record IssueRequest(
        String commonName, String mobileId, CertificateType type, PublicKey publicKey) {}
