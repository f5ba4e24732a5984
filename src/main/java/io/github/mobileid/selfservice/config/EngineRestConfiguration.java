package io.github.mobileid.selfservice.config;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.springframework.stereotype.Component;

/**
 * The engine REST API, with one correction: Camunda answers a start of a process instance (and a
 * start form's submission) that a listener or delegate refused with {@link BadUserRequestException}
 * as 500, wrapped in a {@link RestException}. A refused request is the caller's error, so it is
 * answered 400 with the same message, as {@code /message} already does.
 */
@Component
class EngineRestConfiguration extends CamundaJerseyResourceConfig {

    @Override
    protected void registerAdditionalResources() {
        register(BadUserRequestMapper.class);
    }

    @Priority(1)
    static class BadUserRequestMapper implements ExceptionMapper<RestException> {

        private final RestExceptionHandler camundaDefault = new RestExceptionHandler();

        @Override
        public Response toResponse(RestException exception) {
            if (!(exception.getCause() instanceof BadUserRequestException refusal)) {
                return camundaDefault.toResponse(exception);
            }
            ExceptionDto body = ExceptionDto.fromException(refusal);
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(body)
                    .type(MediaType.APPLICATION_JSON_TYPE)
                    .build();
        }
    }
}
