package io.github.mobileid.selfservice.api;

import io.github.mobileid.selfservice.audit.AuditEntry;
import io.github.mobileid.selfservice.audit.AuditTrail;
import java.util.List;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit trail, for operators; read-only, as there is no mapping that could change it. */
@RestController
class AuditController {

    private final AuditTrail auditTrail;

    AuditController(AuditTrail auditTrail) {
        this.auditTrail = auditTrail;
    }

    @GetMapping("/api/audit")
    List<AuditEntry> entries(Authentication authentication, @RequestParam String mobileId) {
        if (!Caller.of(authentication).operator()) {
            throw new AccessDeniedException("Only operators may read the audit trail");
        }
        return auditTrail.entriesOf(mobileId);
    }
}
