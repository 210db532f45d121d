package cn.baoxue.web;

import cn.baoxue.cases.InvalidCaseInputException;
import cn.baoxue.security.StartAtTheBeginningOnly;
import cn.baoxue.security.VariableLengthLimit;
import jakarta.annotation.Priority;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Camunda's REST API, as the starter configures it, plus one thing: a start or completion that
 * Baoxue refuses answers 400 with the Chinese reason alone. The engine's REST resources wrap
 * every engine exception on start into "500 Cannot instantiate process definition …", and the
 * engine wraps a refusing task listener in "ENGINE-03051 …"; a teacher in Tasklist should read
 * only what she has to correct. Likewise a refusal by one of Baoxue's listeners on the engine's
 * behalf (an {@link AuthorizationException} inside the wrapper) answers 403, as the engine's own
 * refusals do. Both /engine-rest and the webapps' own engine API (which Tasklist calls) get the
 * mappers, the filter that lets a case start only at its beginning ({@link StartAtTheBeginningOnly})
 * and the one that refuses over-long text variables ({@link VariableLengthLimit}).
 */
@Configuration
class EngineRestConfiguration {

  /** The servlet under which the Camunda webapps serve the engine API to Tasklist. */
  static final String WEBAPP_ENGINE_API_SERVLET = "Engine Api";

  /**
   * Adds the mapper to the webapps' engine API servlet. Spring Boot has registered the servlets
   * by the time singletons are created and opens the port only after them; the servlet itself
   * starts on its first request, reading its parameters then.
   */
  @Bean
  InitializingBean webappEngineApiRefusalMapping(ServletContext servletContext) {
    return () -> {
      ServletRegistration engineApi = servletContext.getServletRegistration(WEBAPP_ENGINE_API_SERVLET);
      if (engineApi != null) {
        engineApi.setInitParameter(ServerProperties.PROVIDER_CLASSNAMES,
            RefusedCaseInputMapper.class.getName() + "," + RefusedByListenerMapper.class.getName() + ","
                + StartAtTheBeginningOnly.class.getName() + "," + VariableLengthLimit.class.getName());
      }
    };
  }

  @Bean
  CamundaJerseyResourceConfig engineRestResourceConfig() {
    return new CamundaJerseyResourceConfig() {
      @Override
      protected void registerAdditionalResources() {
        register(RefusedCaseInputMapper.class);
        register(RefusedByListenerMapper.class);
        register(StartAtTheBeginningOnly.class);
        register(VariableLengthLimit.class);
      }
    };
  }

  @Provider
  @Priority(1)
  public static class RefusedCaseInputMapper implements ExceptionMapper<RestException> {

    /**
     * The engine's code for a variable sent in Java serialization, which Baoxue never accepts: the
     * client's fault (400), not the server's 500 that the start resource wraps it into.
     */
    static final String JAVA_SERIALIZATION_PROHIBITED = "ENGINE-17007";

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
        if (cause.getMessage() != null && cause.getMessage().contains(JAVA_SERIALIZATION_PROHIBITED)) {
          return Response.status(Response.Status.BAD_REQUEST)
              .type(MediaType.APPLICATION_JSON_TYPE)
              .entity(Map.of("type", "InvalidVariableValue", "message", "不接受 Java 序列化格式的变量值，请以 JSON 或字符串提交"))
              .build();
        }
      }
      return camundaDefault.toResponse(exception);
    }
  }

  /**
   * An engine call that one of Baoxue's listeners refused for want of a permission (see
   * {@code ClaimForSelfOnly}): 403 with the Chinese reason, not the engine's "500 ENGINE-03051".
   */
  @Provider
  @Priority(1)
  public static class RefusedByListenerMapper implements ExceptionMapper<ProcessEngineException> {

    private final ProcessEngineExceptionHandler camundaDefault = new ProcessEngineExceptionHandler();

    @Override
    public Response toResponse(ProcessEngineException exception) {
      for (Throwable cause = exception.getCause(); cause != null; cause = cause.getCause()) {
        if (cause instanceof AuthorizationException refused) {
          return Response.status(Response.Status.FORBIDDEN)
              .type(MediaType.APPLICATION_JSON_TYPE)
              .entity(Map.of("type", AuthorizationException.class.getSimpleName(), "message", refused.getMessage()))
              .build();
        }
      }
      return camundaDefault.toResponse(exception);
    }
  }
}
