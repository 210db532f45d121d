package cn.baoxue.security;

import jakarta.servlet.Filter;
import java.util.Map;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Hands the user that Spring Security authenticated to the Camunda engine, so the engine's
 * authorization checks apply to every call on her behalf: the webapps take her from the request
 * (container-based authentication), /engine-rest and /api run each request as her and her
 * groups. Both filters run after Spring Security's chain.
 */
@Configuration
class CamundaAuthenticationFilters {

  private static final int AFTER_SPRING_SECURITY = 101;
  private static final Map<String, String> FROM_REQUEST_PRINCIPAL =
      Map.of("authentication-provider", ContainerBasedAuthenticationProvider.class.getName());

  @Bean
  FilterRegistrationBean<Filter> webappAuthentication() {
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
    registration.setName("baoxue-webapp-authentication");
    registration.setInitParameters(FROM_REQUEST_PRINCIPAL);
    registration.addUrlPatterns("/camunda/*");
    registration.setOrder(AFTER_SPRING_SECURITY);
    return registration;
  }

  @Bean
  FilterRegistrationBean<Filter> engineAuthentication() {
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName("baoxue-engine-authentication");
    registration.setInitParameters(FROM_REQUEST_PRINCIPAL);
    registration.addUrlPatterns("/engine-rest/*", "/api/*");
    registration.setOrder(AFTER_SPRING_SECURITY);
    return registration;
  }
}
