package cn.baoxue.security;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * One login for everything. Scripts and other systems call /engine-rest and /api with HTTP
 * Basic; people log in once on Baoxue's login page and are then known to Baoxue's pages, /api
 * and the Camunda webapps (see {@link CamundaAuthenticationFilters}).
 */
@Configuration
class SecurityConfiguration {

  /** Requests that may change something. */
  private static final RequestMatcher WRITES = request -> !Set.of("GET", "HEAD", "OPTIONS").contains(request.getMethod());

  /**
   * 401 without {@code WWW-Authenticate}: a challenge would make a browser ask for and then keep
   * HTTP Basic credentials and send them with any later request, a foreign page's too. Scripts
   * send their credentials unasked (curl -u), Camunda's webapps answer a 401 with their own view.
   */
  private static final HttpStatusEntryPoint NO_CHALLENGE = new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED);

  private static final RequestMatcher BASIC_CREDENTIALS = request -> {
    String authorization = request.getHeader("Authorization");
    return authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6);
  };

  /**
   * Password checks outside the login: the webapps' own login and the engine's identity/verify
   * would let anyone logged in test passwords of any account past {@link LoginThrottle}. Baoxue's
   * login page and HTTP Basic are the only doors.
   */
  private static final RequestMatcher PASSWORD_CHECKS = new OrRequestMatcher(
      path("/camunda/api/*/auth/user/*/login/**"), path("/engine-rest/identity/verify/**"));

  /** A refused engine or webapp API call answers in the engine's own refusal shape, as the allowlist does. */
  private static final AccessDeniedHandler ENGINE_API_REFUSAL =
      (request, response, denied) -> EngineRestAllowlist.refuse(response, "无权调用该接口：密码只在统一登录页核对");

  /** Camunda's webapps log out with this call; it must end the one login, not only theirs. */
  static final String WEBAPP_LOGOUT = "/camunda/api/admin/auth/user/*/logout";

  /**
   * Camunda's REST API: HTTP Basic on every call, no session. A cross-site write is refused by
   * {@link SameOriginWrites} before it gets here.
   */
  @Bean
  @Order(1)
  SecurityFilterChain engineRest(HttpSecurity http) throws Exception {
    return http.securityMatcher(path("/engine-rest/**"))
        .authorizeHttpRequests(requests -> requests
            .requestMatchers(PASSWORD_CHECKS).denyAll()
            .anyRequest().authenticated())
        .httpBasic(basic -> basic.authenticationEntryPoint(NO_CHALLENGE))
        .exceptionHandling(errors -> errors.authenticationEntryPoint(NO_CHALLENGE).accessDeniedHandler(ENGINE_API_REFUSAL))
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(csrf -> csrf.disable())
        .build();
  }

  /** Baoxue's own API: HTTP Basic for clients, the login session for Baoxue's pages. */
  @Bean
  @Order(2)
  SecurityFilterChain api(HttpSecurity http) throws Exception {
    return http.securityMatcher(path("/api/**"))
        .authorizeHttpRequests(requests -> requests
            .requestMatchers(WRITES).access(new ReadOnlyRoles())
            .anyRequest().authenticated())
        .httpBasic(basic -> basic.authenticationEntryPoint(NO_CHALLENGE))
        .exceptionHandling(errors -> errors.authenticationEntryPoint(NO_CHALLENGE))
        // Scripts sending HTTP Basic credentials have no token to send. A foreign page cannot add
        // an Authorization header itself (no CORS), the browser holds no Basic credentials to add
        // (no challenge is ever sent), and SameOriginWrites refuses its writes anyway; a session's
        // calls need the token.
        .csrf(csrf -> csrf.ignoringRequestMatchers(BASIC_CREDENTIALS))
        .build();
  }

  /** Pages and the Camunda webapps, behind the login form. */
  @Bean
  @Order(3)
  SecurityFilterChain pages(HttpSecurity http, @Value("${baoxue.security.hsts:false}") boolean hsts) throws Exception {
    http.headers(headers -> PageHeaders.apply(headers, hsts));
    return http.authorizeHttpRequests(
            requests ->
                requests
                    .requestMatchers(
                        path("/login"), path("/css/**"), path("/favicon.ico"), path("/actuator/health/**"), path("/error"),
                        // The field app's manifest and icons: fetched by the browser without credentials, they hold nothing of anyone.
                        path("/m/manifest.json"), path("/m/icon-*.png"))
                    .permitAll()
                    .requestMatchers(PASSWORD_CHECKS).denyAll()
                    // Camunda's webapps refuse an auditor's writes themselves; logging out is no write.
                    .requestMatchers(new AndRequestMatcher(WRITES,
                        new NegatedRequestMatcher(new OrRequestMatcher(path("/camunda/**"), path("/logout")))))
                    .access(new ReadOnlyRoles())
                    .anyRequest()
                    .authenticated())
        .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false))
        .httpBasic(basic -> basic.authenticationEntryPoint(NO_CHALLENGE))
        .logout(
            logout ->
                logout
                    .logoutRequestMatcher(
                        new OrRequestMatcher(
                            PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/logout"),
                            PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, WEBAPP_LOGOUT)))
                    .logoutSuccessHandler(
                        (request, response, authentication) -> {
                          if (request.getRequestURI().startsWith("/camunda/")) {
                            response.setStatus(HttpServletResponse.SC_OK);
                          } else {
                            response.sendRedirect("/login?logout");
                          }
                        }))
        // The webapps' XHR calls get 401, not the login page's HTML. A refusal on the webapps' API
        // answers in the engine's shape; anywhere else (an auditor's form post) it is the Chinese
        // error page (templates/error.html). With the first handler alone Spring Security would use
        // it for every path, and a page's refusal would read as an engine API's.
        .exceptionHandling(
            errors ->
                errors.defaultAuthenticationEntryPointFor(
                        new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), path("/camunda/api/**"))
                    .defaultAccessDeniedHandlerFor(ENGINE_API_REFUSAL, path("/camunda/api/**"))
                    .defaultAccessDeniedHandlerFor(new AccessDeniedHandlerImpl(), AnyRequestMatcher.INSTANCE))
        // Camunda's own CSRF filter protects the webapps' API; Spring's protects Baoxue's pages.
        .csrf(csrf -> csrf.ignoringRequestMatchers(path("/camunda/**")))
        .build();
  }

  /**
   * Paths as the browser sends them: the Camunda REST API is a Jersey servlet beside Spring
   * MVC's, so servlet-relative matching would miss it.
   */
  private static PathPatternRequestMatcher path(String pattern) {
    return PathPatternRequestMatcher.withDefaults().matcher(pattern);
  }
}
