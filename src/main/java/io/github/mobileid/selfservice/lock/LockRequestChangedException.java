package io.github.mobileid.selfservice.lock;

/**
 * A lock step found the process variables changed since the start checked them: the step changes
 * nothing, and its job fails until an administrator deletes the instance.
 */
public class LockRequestChangedException extends IllegalStateException {

    LockRequestChangedException(LockRequest request, String processInstanceId) {
        super(
                ("The lock request of process instance %s changed after it was checked (mobileId"
                                + " '%s', userId '%s', requestedBy '%s', reason '%s'): nothing was"
                                + " locked or revoked; an administrator deletes the instance, then"
                                + " a new lock can start")
                        .formatted(
                                processInstanceId,
                                request.mobileId(),
                                request.userId(),
                                request.requestedBy(),
                                request.reason().rfcName()));
    }
}
