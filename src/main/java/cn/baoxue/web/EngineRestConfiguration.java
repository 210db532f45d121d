package cn.baoxue.web;

import cn.baoxue.cases.InvalidCaseInputException;
import jakarta.annotation.Priority;
import jakarta.servlet.ServletRegistration;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;
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
 * Camunda's REST API, as the starter configures it, plus two things. A server error answers
 * without the engine's message, which can quote SQL, table names or class names (the log keeps
 * it, under the reference the client is given). And a start or completion that Baoxue refuses
 * answers 400 with the Chinese reason alone. The engine's REST resources wrap
 * every engine exception on start into "500 Cannot instantiate process definition …", and the
 * engine wraps a refusing task listener in "ENGINE-03051 …"; a teacher in Tasklist should read
 * only what she has to correct. Both /engine-rest and the webapps' own engine API (which
 * Tasklist calls) get the mapper.
 */
@Configuration
class EngineRestConfiguration {

  /** The servlet under which the Camunda webapps serve the engine API to Tasklist. */
  static final String WEBAPP_ENGINE_API_SERVLET = "Engine Api";

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
            engineApi.setInitParameter(ServerProperties.PROVIDER_CLASSNAMES, String.join(",",
                RefusedCaseInputMapper.class.getName(), EngineErrorMapper.class.getName(), ServerErrorMapper.class.getName()));
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
        register(RefusedCaseInputMapper.class);
        register(EngineErrorMapper.class);
        register(ServerErrorMapper.class);
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
      return SafeErrors.of(camundaDefault.toResponse(exception), exception);
    }
  }

  /** Engine exceptions: Camunda's status and message, the message withheld where it is not safe. */
  @Provider
  @Priority(1)
  public static class EngineErrorMapper implements ExceptionMapper<ProcessEngineException> {

    @Override
    public Response toResponse(ProcessEngineException exception) {
      return SafeErrors.of(ExceptionHandlerHelper.getInstance().getResponse(exception), exception);
    }
  }

  /** Everything else that escapes a resource. */
  @Provider
  @Priority(1)
  public static class ServerErrorMapper implements ExceptionMapper<Throwable> {

    @Override
    public Response toResponse(Throwable exception) {
      return SafeErrors.of(ExceptionHandlerHelper.getInstance().getResponse(exception), exception);
    }
  }
}
