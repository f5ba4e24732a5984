package io.github.mobileid.selfservice.api;

import io.github.mobileid.selfservice.issue.ActivationRefusedException;
import io.github.mobileid.selfservice.mobileid.IllegalMobileIdTransitionException;
import io.github.mobileid.selfservice.mobileid.MobileIdNotFoundException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Answers the API's errors as RFC 9457 problem details, with a message and no stack trace. */
@RestControllerAdvice(
        assignableTypes = {
            MobileIdController.class,
            AuditController.class,
            ActivationController.class
        })
class ApiExceptionHandler {

    @ExceptionHandler(MobileIdNotFoundException.class)
    ProblemDetail notFound(MobileIdNotFoundException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail forbidden(AccessDeniedException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
    }

    @ExceptionHandler({BadUserRequestException.class, IllegalArgumentException.class})
    ProblemDetail badRequest(RuntimeException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler(IllegalMobileIdTransitionException.class)
    ProblemDetail conflict(IllegalMobileIdTransitionException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
    }

    @ExceptionHandler(ActivationRefusedException.class)
    ProblemDetail activationRefused(ActivationRefusedException e) {
        HttpStatus status =
                switch (e.reason()) {
                    case BAD_REQUEST -> HttpStatus.BAD_REQUEST;
                    case UNKNOWN_CODE -> HttpStatus.NOT_FOUND;
                    case CODE_USED, OTHER_MOBILE_ID_ACTIVE -> HttpStatus.CONFLICT;
                    case CODE_EXPIRED -> HttpStatus.GONE;
                };
        return ProblemDetail.forStatusAndDetail(status, e.getMessage());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        return ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST, "The request body is not the JSON this endpoint expects");
    }
}
