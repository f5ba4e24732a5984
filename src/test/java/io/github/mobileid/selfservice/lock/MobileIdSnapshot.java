package io.github.mobileid.selfservice.lock;

import io.github.mobileid.selfservice.audit.AuditEntry;
import io.github.mobileid.selfservice.ca.CertificateStatus;
import io.github.mobileid.selfservice.idm.IdmCertificate;
import io.github.mobileid.selfservice.mobileid.MobileId;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * Everything a lock may change about one mobile ID, to compare before and after.
 *
 * @param crlEntries how often the CA's current CRL lists each of its serial numbers
 * @param audit the audit trail of the mobile ID
 */
public record MobileIdSnapshot(
        MobileId mobileId,
        List<IdmCertificate> identityManager,
        List<CertificateStatus> ca,
        Map<BigInteger, Long> crlEntries,
        List<AuditEntry> audit) {}
