package cn.baoxue.security;

import cn.baoxue.kernel.identity.Staff;
import cn.baoxue.security.EngineOperations.Audience;
import cn.baoxue.security.EngineOperations.Operation;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.tomcat.util.buf.EncodedSolidusHandling;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.firewall.HttpStatusRequestRejectedHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets through, for anyone outside {@code camunda-admin}, only the operations of {@link
 * EngineOperations}, on /engine-rest, the webapps' engine API and the webapps' own API alike; the
 * rest answers 403 before Jersey sees it. A path not spelled canonically ({@link EngineApiPath}) is
 * refused too, rather than corrected: Tasklist and Cockpit never send one, and each layer below
 * would read it its own way. Runs after Spring Security has authenticated the caller and before
 * the engine's authentication filters ({@link CamundaAuthenticationFilters}), so a refused request
 * never reaches the engine.
 */
class EngineRestAllowlist extends OncePerRequestFilter {

  /** After Spring Security's chain (-100), before the engine's authentication filters (101). */
  static final int ORDER = 100;
  static final String NOT_ALLOWED = "无权调用该接口：只有系统管理员可以使用待办任务（Tasklist）、流程监控（Cockpit）和已登记客户端所需之外的引擎接口";
  static final String NOT_CANONICAL = "请求路径的写法不规范（末尾或连续的斜杠、编码的字母或斜杠、分号参数、“..”等），已拒绝";
  private static final String COCKPIT = "cockpit";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Logger log = LoggerFactory.getLogger(EngineRestAllowlist.class);

  private final AuthorizationService authorizations;

  EngineRestAllowlist(AuthorizationService authorizations) {
    this.authorizations = authorizations;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication user = SecurityContextHolder.getContext().getAuthentication();
    if (user != null && user.isAuthenticated() && StartAtTheBeginningOnly.isAdmin(user)) {
      chain.doFilter(request, response);
      return;
    }
    String rawPath = request.getRequestURI().substring(request.getContextPath().length());
    Optional<EngineApiPath> path = EngineApiPath.parse(rawPath);
    if (path.isEmpty()) {
      log.info("Refused {} {} of {}: not a canonical path", request.getMethod(), rawPath, name(user));
      refuse(response, NOT_CANONICAL);
      return;
    }
    if (user == null || !user.isAuthenticated() || !allowed(request.getMethod(), path.get(), Staff.of(user))) {
      log.info("Refused {} {} of {}: not on the allowlist", request.getMethod(), rawPath, name(user));
      refuse(response, NOT_ALLOWED);
      return;
    }
    chain.doFilter(request, response);
  }

  /**
   * Whether this filter lets the staff member's request through: what Tasklist may offer her
   * ({@link TasklistControls}) is decided here, by the same rule that refuses the request.
   */
  boolean permits(String method, String rawPath, Staff staff) {
    if (staff.isAdmin()) {
      return true;
    }
    Optional<EngineApiPath> path = EngineApiPath.parse(rawPath);
    return path.isPresent() && allowed(method, path.get(), staff);
  }

  private boolean allowed(String method, EngineApiPath path, Staff staff) {
    for (Operation operation : EngineOperations.ALLOWED) {
      if (operation.method().equals(method) && path.matches(operation) && isIn(operation.audience(), staff)) {
        return true;
      }
    }
    return false;
  }

  private boolean isIn(Audience audience, Staff staff) {
    return switch (audience) {
      case STAFF -> true;
      case CASEWORKERS -> !ReadOnlyRoles.isReadOnly(staff) && !ReadOnlyRoles.isDepartmentOnly(staff);
      // Whoever the administrators grant Cockpit to (StaffGroups), as the webapps themselves decide.
      case COCKPIT_USERS -> authorizations.isUserAuthorized(staff.userId(), staff.groupIds(), Permissions.ACCESS,
          Resources.APPLICATION, COCKPIT);
    };
  }

  private static String name(Authentication user) {
    return user == null ? "anonymous" : user.getName();
  }

  /** The engine's own refusal shape: {"type":"AuthorizationException","message":…}. */
  static void refuse(HttpServletResponse response, String message) throws IOException {
    response.setStatus(HttpServletResponse.SC_FORBIDDEN);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    JSON.writeValue(response.getOutputStream(), Map.of("type", "AuthorizationException", "message", message));
  }

  @Configuration
  static class Registration {

    @Bean
    FilterRegistrationBean<EngineRestAllowlist> engineRestAllowlist(AuthorizationService authorizations) {
      FilterRegistrationBean<EngineRestAllowlist> registration = new FilterRegistrationBean<>(new EngineRestAllowlist(authorizations));
      registration.setName("baoxue-engine-rest-allowlist");
      registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*");
      registration.setOrder(ORDER);
      return registration;
    }

    /**
     * Tomcat answers an encoded slash ({@code %2F}) with its own 400 page before any filter runs;
     * passed through undecoded, it reaches Spring Security's firewall, which refuses it below with
     * the same 403 as every other odd spelling.
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> encodedSlashToTheFirewall() {
      return factory -> factory.addConnectorCustomizers(
          connector -> connector.setEncodedSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue()));
    }

    /**
     * Spring Security's firewall refuses some odd spellings (";", "%2F", "%25", "..") before anyone
     * is authenticated; on the APIs they get the same 403 as every other refused spelling, for
     * administrators too. Elsewhere Spring's 400 stays.
     */
    @Bean
    RequestRejectedHandler engineApiRequestRejected() {
      RequestRejectedHandler elsewhere = new HttpStatusRequestRejectedHandler();
      return (request, response, rejected) -> {
        String uri = request.getRequestURI().toLowerCase(Locale.ROOT);
        if (uri.contains(EngineApiPath.ENGINE_REST) || uri.contains(EngineApiPath.WEBAPP_API)) {
          log.info("Refused {} {}: {}", request.getMethod(), uri, rejected.getMessage());
          refuse(response, NOT_CANONICAL);
        } else {
          elsewhere.handle(request, response, rejected);
        }
      };
    }
  }
}
