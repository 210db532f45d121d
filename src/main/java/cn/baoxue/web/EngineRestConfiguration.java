package cn.baoxue.web;

import cn.baoxue.cases.InvalidCaseInputException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Camunda's REST API, as the starter configures it, plus one thing: a start or completion that
 * Baoxue refuses answers 400 with the Chinese reason alone. The engine's REST resources wrap
 * every engine exception on start into "500 Cannot instantiate process definition …".
 */
@Configuration
class EngineRestConfiguration {

  @Bean
  CamundaJerseyResourceConfig engineRestResourceConfig() {
    return new CamundaJerseyResourceConfig() {
      @Override
      protected void registerAdditionalResources() {
        register(RefusedCaseInputMapper.class);
      }
    };
  }

  @Provider
  @Priority(1)
  public static class RefusedCaseInputMapper implements ExceptionMapper<RestException> {

    private final RestExceptionHandler camundaDefault = new RestExceptionHandler();

    @Override
    public Response toResponse(RestException exception) {
      for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
        if (cause instanceof InvalidCaseInputException refused) {
          return Response.status(Response.Status.BAD_REQUEST)
              .type(MediaType.APPLICATION_JSON_TYPE)
              .entity(
                  Map.of(
                      "type", InvalidCaseInputException.class.getSimpleName(),
                      "message", refused.getMessage(),
                      "problems", refused.problems()))
              .build();
        }
      }
      return camundaDefault.toResponse(exception);
    }
  }
}
