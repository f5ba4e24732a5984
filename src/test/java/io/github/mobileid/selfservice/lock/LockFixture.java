package io.github.mobileid.selfservice.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;

import io.github.mobileid.selfservice.audit.AuditEntry;
import io.github.mobileid.selfservice.audit.AuditTrail;
import io.github.mobileid.selfservice.ca.CertificateAuthority;
import io.github.mobileid.selfservice.ca.CertificateStatus;
import io.github.mobileid.selfservice.ca.RevocationReason;
import io.github.mobileid.selfservice.idm.IdentityManager;
import io.github.mobileid.selfservice.idm.IdmCertificate;
import io.github.mobileid.selfservice.idm.IdmCertificateState;
import io.github.mobileid.selfservice.issue.MobileIdIssuer;
import io.github.mobileid.selfservice.mobileid.MobileId;
import io.github.mobileid.selfservice.mobileid.MobileIdService;
import io.github.mobileid.selfservice.mobileid.MobileIdState;
import io.github.mobileid.selfservice.security.MobileIdGroups;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.cert.CRLReason;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.assertj.core.groups.Tuple;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.boot.test.context.TestComponent;

/**
 * Users with mobile IDs in each state, lock requests started the ways the product starts them, and
 * what a test asserts about a mobile ID afterwards.
 */
@TestComponent
public class LockFixture {

    public static final String PROCESS = "MobileIDSelfServiceProcLock";
    public static final String MESSAGE = "Msg_LockMobileID";
    public static final List<String> LOCK_STEPS =
            List.of(
                    "ServiceTask_LockMobileId",
                    "ServiceTask_RevokeCertificatesInIdentityManager",
                    "ServiceTask_RevokeCertificatesAtCa");

    private final MobileIdIssuer issuer;
    private final MobileIdService mobileIds;
    private final IdentityManager identityManager;
    private final CertificateAuthority ca;
    private final RuntimeService runtimeService;
    private final IdentityService identityService;
    private final TaskService taskService;
    private final FormService formService;
    private final RepositoryService repositoryService;
    private final AuditTrail auditTrail;

    LockFixture(
            MobileIdIssuer issuer,
            MobileIdService mobileIds,
            IdentityManager identityManager,
            CertificateAuthority ca,
            RuntimeService runtimeService,
            IdentityService identityService,
            TaskService taskService,
            FormService formService,
            RepositoryService repositoryService,
            AuditTrail auditTrail) {
        this.issuer = issuer;
        this.mobileIds = mobileIds;
        this.identityManager = identityManager;
        this.ca = ca;
        this.runtimeService = runtimeService;
        this.identityService = identityService;
        this.taskService = taskService;
        this.formService = formService;
        this.repositoryService = repositoryService;
        this.auditTrail = auditTrail;
    }

    /**
     * A self-service user (in {@code mobileid-users}) whose id no other test uses, so that tests
     * sharing a database do not see each other.
     */
    public String newUser() {
        return newMemberOf(MobileIdGroups.USERS, "user-");
    }

    /** An operator (in {@code mobileid-operators}) whose id no other test uses. */
    public String newOperator() {
        return newMemberOf(MobileIdGroups.OPERATORS, "operator-");
    }

    private String newMemberOf(String groupId, String prefix) {
        String id = prefix + UUID.randomUUID().toString().substring(0, 8);
        identityService.saveUser(identityService.newUser(id));
        identityService.createMembership(id, groupId);
        return id;
    }

    /** Logs the user in as the engine REST API and the webapps do: with the user's groups. */
    public void logIn(String user) {
        if (user == null) {
            identityService.clearAuthentication();
            return;
        }
        List<String> groupIds =
                identityService.createGroupQuery().groupMember(user).list().stream()
                        .map(Group::getId)
                        .toList();
        identityService.setAuthentication(user, groupIds);
    }

    public MobileId activeMobileIdOf(String user) {
        return issuer.issue(user, "Test phone");
    }

    public MobileId lockedMobileIdOf(String user) {
        MobileId mobileId = activeMobileIdOf(user);
        mobileIds.lock(mobileId.id(), user, RevocationReason.UNSPECIFIED);
        return mobileIds.get(mobileId.id());
    }

    public MobileId registeredMobileIdOf(String user) {
        return mobileIds.register(user, "Phone not activated yet");
    }

    /** A lock as Tasklist starts it: the none start event, by the logged-in user. */
    public LockStart tasklistLockBy(String user) {
        return new LockStart(user, null);
    }

    /** A lock as another process or system starts it, with the variables of DESIGN.md. */
    public LockStart messageLockOf(MobileId mobileId) {
        return new LockStart(null, MESSAGE)
                .variable("mobileId", mobileId.id())
                .variable("userId", mobileId.userId())
                .variable("requestedBy", "security-system");
    }

    /** The owner submits the form of "Confirm lock", as Tasklist does. */
    public void confirm(ProcessInstance processInstance, Map<String, Object> submitted) {
        Task task =
                taskService
                        .createTaskQuery()
                        .processInstanceId(processInstance.getId())
                        .taskDefinitionKey("UserTask_ConfirmLock")
                        .singleResult();
        formService.submitTaskForm(task.getId(), submitted);
    }

    /** Executes the jobs of the three service tasks, one after the other. */
    public void runLockSteps(ProcessInstance processInstance) {
        for (String step : LOCK_STEPS) {
            execute(job(step, processInstance));
        }
    }

    public MobileIdSnapshot snapshot(MobileId mobileId) {
        List<IdmCertificate> certificates = identityManager.certificatesOf(mobileId.id());
        Set<BigInteger> serials =
                certificates.stream().map(IdmCertificate::serial).collect(Collectors.toSet());
        Map<BigInteger, Long> inCrl =
                crlEntries().stream()
                        .map(X509CRLEntry::getSerialNumber)
                        .filter(serials::contains)
                        .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));

        return new MobileIdSnapshot(
                mobileIds.get(mobileId.id()),
                certificates,
                certificates.stream().map(c -> ca.status(c.serial())).toList(),
                inCrl,
                auditTrail.entriesOf(mobileId.id()));
    }

    /**
     * The mobile ID is locked by whom and why, and each of its certificates is revoked with that
     * reason in the Identity Manager and at the CA, whose signed CRL lists it exactly once; the
     * audit trail records the lock and each revocation once, as done by the requester.
     */
    public void assertLockedAndRevoked(
            MobileId mobileId, String requestedBy, RevocationReason reason) {
        MobileIdSnapshot snapshot = snapshot(mobileId);

        assertThat(snapshot.mobileId().state()).isEqualTo(MobileIdState.LOCKED);
        assertThat(snapshot.mobileId().lockedBy()).isEqualTo(requestedBy);
        assertThat(snapshot.mobileId().lockReason()).isEqualTo(reason.rfcName());
        assertThat(snapshot.identityManager())
                .hasSize(2)
                .allSatisfy(
                        c -> {
                            assertThat(c.state()).isEqualTo(IdmCertificateState.REVOKED);
                            assertThat(c.revocationReason()).isEqualTo(reason.rfcName());
                        });
        assertThat(snapshot.ca())
                .hasSize(2)
                .allSatisfy(
                        s -> {
                            assertThat(s.state()).isEqualTo(CertificateStatus.State.REVOKED);
                            assertThat(s.revocationReason()).isEqualTo(reason);
                        });
        Map<BigInteger, Long> expectedOnce =
                snapshot.identityManager().stream()
                        .collect(Collectors.toMap(IdmCertificate::serial, c -> 1L));
        assertThat(snapshot.crlEntries()).isEqualTo(expectedOnce);
        assertThat(crlEntries())
                .filteredOn(e -> expectedOnce.containsKey(e.getSerialNumber()))
                .extracting(X509CRLEntry::getRevocationReason)
                .containsOnly(
                        reason == RevocationReason.UNSPECIFIED
                                ? null
                                : CRLReason.values()[reason.code()]);
        assertThat(snapshot.audit())
                .extracting(AuditEntry::action, AuditEntry::serialNumber, AuditEntry::actor)
                .containsExactlyInAnyOrder(
                        auditEntries(snapshot.identityManager(), requestedBy)
                                .toArray(Tuple[]::new));
    }

    private static List<Tuple> auditEntries(List<IdmCertificate> certificates, String actor) {
        var expected = new ArrayList<Tuple>();
        expected.add(tuple(AuditEntry.LOCK, null, actor));
        for (IdmCertificate c : certificates) {
            expected.add(tuple(AuditEntry.REVOKE_IN_IDENTITY_MANAGER, c.serialNumber(), actor));
            expected.add(tuple(AuditEntry.REVOKE_AT_CA, c.serialNumber(), actor));
        }
        return expected;
    }

    /** An active mobile ID whose certificates are valid and good, and not in the CRL. */
    public void assertActiveAndValid(MobileId mobileId) {
        MobileIdSnapshot snapshot = snapshot(mobileId);

        assertThat(snapshot.mobileId().state()).isEqualTo(MobileIdState.ACTIVE);
        assertThat(snapshot.identityManager())
                .hasSize(2)
                .extracting(IdmCertificate::state)
                .containsOnly(IdmCertificateState.VALID);
        assertThat(snapshot.ca())
                .extracting(CertificateStatus::state)
                .containsOnly(CertificateStatus.State.GOOD);
        assertThat(snapshot.crlEntries()).isEmpty();
        assertThat(snapshot.audit()).isEmpty();
    }

    public List<MobileId> mobileIdsOf(String user) {
        return mobileIds.findByUser(user);
    }

    public X509CRL crl() {
        try {
            return (X509CRL)
                    CertificateFactory.getInstance("X.509")
                            .generateCRL(new ByteArrayInputStream(ca.currentCrl()));
        } catch (GeneralSecurityException e) {
            throw new AssertionError("The CA's current CRL does not parse", e);
        }
    }

    private Collection<? extends X509CRLEntry> crlEntries() {
        Set<? extends X509CRLEntry> entries = crl().getRevokedCertificates();
        return entries == null ? Set.of() : entries;
    }

    /** A lock request being put together; {@code start()} starts it the chosen way. */
    public final class LockStart {

        private final String message;
        private String authenticatedUser;
        private final Map<String, Object> variables = new HashMap<>();

        private LockStart(String authenticatedUser, String message) {
            this.authenticatedUser = authenticatedUser;
            this.message = message;
        }

        public LockStart variable(String name, Object value) {
            variables.put(name, value);
            return this;
        }

        /** Starts as this logged-in user, or as nobody for null. */
        public LockStart authenticatedAs(String user) {
            authenticatedUser = user;
            return this;
        }

        public LockStart without(String name) {
            variables.remove(name);
            return this;
        }

        public ProcessInstance start() {
            logIn(authenticatedUser);
            try {
                return message == null
                        ? runtimeService.startProcessInstanceByKey(
                                PROCESS, Variables.fromMap(variables))
                        : runtimeService
                                .createMessageCorrelation(message)
                                .setVariables(variables)
                                .correlateStartMessage();
            } finally {
                identityService.clearAuthentication();
            }
        }

        /** Starts by the none start event's form, as Tasklist's "Start process" does. */
        public ProcessInstance submitStartForm() {
            logIn(authenticatedUser);
            try {
                return formService.submitStartForm(
                        repositoryService
                                .createProcessDefinitionQuery()
                                .processDefinitionKey(PROCESS)
                                .latestVersion()
                                .singleResult()
                                .getId(),
                        variables);
            } finally {
                identityService.clearAuthentication();
            }
        }
    }
}
