package io.github.mobileid.selfservice.api;

import io.github.mobileid.selfservice.ca.CertificateAuthority;
import io.github.mobileid.selfservice.idm.IdentityManager;
import io.github.mobileid.selfservice.issue.GetMobileIdService;
import io.github.mobileid.selfservice.mobileid.IllegalMobileIdTransitionException;
import io.github.mobileid.selfservice.mobileid.MobileId;
import io.github.mobileid.selfservice.mobileid.MobileIdNotFoundException;
import io.github.mobileid.selfservice.mobileid.MobileIdService;
import io.github.mobileid.selfservice.mobileid.MobileIdState;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/mobile-ids")
class MobileIdController {

    private final MobileIdService mobileIds;
    private final IdentityManager identityManager;
    private final CertificateAuthority ca;
    private final LockStarter lockStarter;
    private final GetStarter getStarter;
    private final GetMobileIdService getMobileId;

    MobileIdController(
            MobileIdService mobileIds,
            IdentityManager identityManager,
            CertificateAuthority ca,
            LockStarter lockStarter,
            GetStarter getStarter,
            GetMobileIdService getMobileId) {
        this.mobileIds = mobileIds;
        this.identityManager = identityManager;
        this.ca = ca;
        this.lockStarter = lockStarter;
        this.getStarter = getStarter;
        this.getMobileId = getMobileId;
    }

    @GetMapping
    List<MobileIdView> list(
            Authentication authentication, @RequestParam(required = false) String userId) {
        var caller = Caller.of(authentication);
        String owner = userId == null ? caller.userId() : userId;
        if (!caller.maySeeUser(owner)) {
            throw new AccessDeniedException("Only operators may list another user's mobile IDs");
        }

        return mobileIds.findByUser(owner).stream().map(m -> view(m, null)).toList();
    }

    /**
     * Starts "Get mobile ID" for the caller; answers the process instance id and the id of the
     * caller's task in Tasklist (the activation code, or the offer to lock the active mobile ID).
     */
    @PostMapping
    @ResponseStatus(HttpStatus.ACCEPTED)
    Map<String, String> getNew(Authentication authentication) {
        return getStarter.start(Caller.of(authentication).userId());
    }

    @GetMapping("/{id}")
    MobileIdView get(Authentication authentication, @PathVariable String id) {
        MobileId mobileId = visibleMobileId(Caller.of(authentication), id);

        List<CertificateView> certificates =
                identityManager.certificatesOf(id).stream()
                        .map(c -> CertificateView.of(c, ca.status(c.serial())))
                        .toList();
        return view(mobileId, certificates);
    }

    @PostMapping("/{id}/lock")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Map<String, String> lock(
            Authentication authentication,
            @PathVariable String id,
            @RequestBody(required = false) LockCommand command) {
        var caller = Caller.of(authentication);
        MobileId mobileId = visibleMobileId(caller, id);
        if (!mobileId.isOwnedBy(caller.userId())) {
            throw new AccessDeniedException("Only the owner may lock a mobile ID here");
        }
        // Answered here rather than by a process that would end at once without a change.
        if (mobileId.state() != MobileIdState.ACTIVE) {
            throw new IllegalMobileIdTransitionException(
                    mobileId.id(), mobileId.state(), MobileIdState.LOCKED);
        }

        String processInstanceId =
                lockStarter.start(
                        mobileId, caller.userId(), command == null ? LockCommand.DEFAULT : command);
        // With confirmation (the default here) the owner's task "Confirm lock" is already there.
        return getStarter.withTaskOf(processInstanceId, caller.userId());
    }

    private MobileIdView view(MobileId mobileId, List<CertificateView> certificates) {
        return MobileIdView.of(
                mobileId,
                certificates,
                mobileId.state() == MobileIdState.REGISTERED
                        ? getMobileId.activationExpiryOf(mobileId.id()).orElse(null)
                        : null);
    }

    /** A mobile ID the caller may not see answers as if it did not exist. */
    private MobileId visibleMobileId(Caller caller, String id) {
        return mobileIds
                .find(id)
                .filter(caller::maySee)
                .orElseThrow(() -> new MobileIdNotFoundException(id));
    }
}
