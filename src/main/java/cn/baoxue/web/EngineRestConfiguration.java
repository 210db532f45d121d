package cn.baoxue.web;

import cn.baoxue.kernel.validation.InvalidCaseInputException;
import cn.baoxue.security.StartAtTheBeginningOnly;
import cn.baoxue.security.TaskContractCheck;
import cn.baoxue.security.VariableLengthLimit;
import jakarta.annotation.Priority;
import jakarta.servlet.ServletRegistration;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import cn.baoxue.kernel.validation.ErrorShape;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.camunda.bpm.spring.boot.starter.webapp.CamundaBpmWebappInitializer;
import org.glassfish.jersey.server.ServerProperties;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Camunda's REST API, as the starter configures it, with the answers a user should read instead
 * of Camunda's own:
 *
 * <ul>
 *   <li>a start or completion that Baoxue refuses answers 400 with the Chinese reason alone (the
 *       engine's REST resources wrap every engine exception on start into "500 Cannot instantiate
 *       process definition …", and the engine wraps a refusing task listener in "ENGINE-03051 …"),
 *       and so does a variable sent in Java serialization, which Baoxue never accepts;
 *   <li>a refusal by one of Baoxue's listeners for want of a permission (an {@link
 *       AuthorizationException} inside the engine's wrapper, see {@code ClaimForSelfOnly}) answers
 *       403, as the engine's own refusals do;
 *   <li>a task someone else claimed or changed a moment earlier answers 409, a database out of
 *       reach 503 ({@link ServiceFailures});
 *   <li>any other server error answers without the engine's message, which can quote SQL, table
 *       or class names (the log keeps it under the reference the client is given: {@link
 *       SafeErrors}).
 * </ul>
 *
 * Both /engine-rest and the webapps' own engine API (which Tasklist calls) get the mappers, the
 * filter that lets a case start only at its beginning ({@link StartAtTheBeginningOnly}), the
 * one that refuses over-long text variables ({@link VariableLengthLimit}) and the one that holds
 * every task's and start's variables to its form ({@link TaskContractCheck}).
 */
@Configuration
class EngineRestConfiguration {

  /** The servlet under which the Camunda webapps serve the engine API to Tasklist. */
  static final String WEBAPP_ENGINE_API_SERVLET = "Engine Api";

  private static final List<Class<?>> PROVIDERS =
      List.of(
          RestExceptionMapper.class,
          EngineExceptionMapper.class,
          OtherExceptionMapper.class,
          StartAtTheBeginningOnly.class,
          VariableLengthLimit.class,
          TaskContractCheck.class);

  /** The engine's code for a variable sent in Java serialization: the client's fault, not a 500. */
  static final String JAVA_SERIALIZATION_PROHIBITED = "ENGINE-17007";

  /**
   * Adds the mappers to the webapps' engine API servlet, which Camunda's initializer registers
   * while the servlet context starts. Tomcat accepts a servlet's parameters only until the context
   * has started, so they are set right after Camunda's initializer has run, in the same step. The
   * servlet reads them on its first request.
   */
  @Bean
  static BeanPostProcessor webappEngineApiErrorMapping() {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (!(bean instanceof CamundaBpmWebappInitializer camunda)) {
          return bean;
        }
        return (ServletContextInitializer) servletContext -> {
          camunda.onStartup(servletContext);
          ServletRegistration engineApi = servletContext.getServletRegistration(WEBAPP_ENGINE_API_SERVLET);
          if (engineApi != null) {
            engineApi.setInitParameter(
                ServerProperties.PROVIDER_CLASSNAMES,
                PROVIDERS.stream().map(Class::getName).collect(Collectors.joining(",")));
          }
        };
      }
    };
  }

  @Bean
  CamundaJerseyResourceConfig engineRestResourceConfig() {
    return new CamundaJerseyResourceConfig() {
      @Override
      protected void registerAdditionalResources() {
        PROVIDERS.forEach(this::register);
      }
    };
  }

  /** Baoxue's answer where it has one; otherwise Camunda's, with unsafe details withheld. */
  static Response answer(Throwable thrown, Response camunda) {
    for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
      if (cause instanceof InvalidCaseInputException refused) {
        // Camunda's error shape (type, message), which Tasklist shows, with Baoxue's fields beside it.
        Map<String, Object> body = new LinkedHashMap<>(ErrorShape.asMap(refused.toProblemDetail()));
        body.put("type", InvalidCaseInputException.class.getSimpleName());
        return json(Response.Status.BAD_REQUEST, body);
      }
      if (cause.getMessage() != null && cause.getMessage().contains(JAVA_SERIALIZATION_PROHIBITED)) {
        return json(Response.Status.BAD_REQUEST, Map.of(
            "type", "InvalidVariableValue",
            "message", "不接受 Java 序列化格式的变量值，请以 JSON 或字符串提交"));
      }
      if (cause != thrown && cause instanceof AuthorizationException refused) {
        return json(Response.Status.FORBIDDEN, Map.of(
            "type", AuthorizationException.class.getSimpleName(), "message", refused.getMessage()));
      }
    }
    return ServiceFailures.classify(thrown)
        .map(
            failure -> {
              Response.ResponseBuilder response =
                  Response.status(failure.status().value()).type(MediaType.APPLICATION_JSON_TYPE).entity(failure.body());
              if (failure.status().value() == 503) {
                response.header("Retry-After", ServiceFailures.RETRY_AFTER_SECONDS);
              }
              return response.build();
            })
        .orElseGet(() -> SafeErrors.of(camunda, thrown));
  }

  private static Response json(Response.Status status, Map<String, Object> body) {
    return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
  }

  /* Jersey picks the mapper of the nearest exception type, so each of Camunda's handlers gets a
   * same-typed twin that takes precedence (@Priority(1)). */

  @Provider
  @Priority(1)
  public static class RestExceptionMapper implements ExceptionMapper<RestException> {
    private final RestExceptionHandler camunda = new RestExceptionHandler();

    @Override
    public Response toResponse(RestException exception) {
      return answer(exception, camunda.toResponse(exception));
    }
  }

  @Provider
  @Priority(1)
  public static class EngineExceptionMapper implements ExceptionMapper<ProcessEngineException> {
    @Override
    public Response toResponse(ProcessEngineException exception) {
      return answer(exception, ExceptionHandlerHelper.getInstance().getResponse(exception));
    }
  }

  /** Everything else that escapes a resource. */
  @Provider
  @Priority(1)
  public static class OtherExceptionMapper implements ExceptionMapper<Throwable> {
    @Override
    public Response toResponse(Throwable exception) {
      return answer(exception, ExceptionHandlerHelper.getInstance().getResponse(exception));
    }
  }
}
