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
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.security.web.util.matcher.RequestHeaderRequestMatcher;

/**
 * One login for everything. Scripts and other systems call /engine-rest and /api with HTTP
 * Basic; people log in once on Baoxue's login page and are then known to Baoxue's pages, /api
 * and the Camunda webapps (see {@link CamundaAuthenticationFilters}).
 */
@Configuration
class SecurityConfiguration {

  /** Requests that may change something. */
  private static final RequestMatcher WRITES = request -> !Set.of("GET", "HEAD", "OPTIONS").contains(request.getMethod());

  /** Camunda's webapps log out with this call; it must end the one login, not only theirs. */
  static final String WEBAPP_LOGOUT = "/camunda/api/admin/auth/user/*/logout";

  /** Camunda's REST API: HTTP Basic on every call, no session, so no cross-site requests. */
  @Bean
  @Order(1)
  SecurityFilterChain engineRest(HttpSecurity http) throws Exception {
    return http.securityMatcher(path("/engine-rest/**"))
        .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
        .httpBasic(basic -> basic.realmName("Baoxue"))
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
        .httpBasic(basic -> basic.realmName("Baoxue"))
        .exceptionHandling(errors -> errors.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)))
        // A browser cannot forge an Authorization header across sites; session calls need the token.
        .csrf(csrf -> csrf.ignoringRequestMatchers(new RequestHeaderRequestMatcher("Authorization")))
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
                        path("/login"), path("/css/**"), path("/favicon.ico"), path("/actuator/health/**"), path("/error"))
                    .permitAll()
                    // Camunda's webapps refuse an auditor's writes themselves; logging out is no write.
                    .requestMatchers(new AndRequestMatcher(WRITES,
                        new NegatedRequestMatcher(new OrRequestMatcher(path("/camunda/**"), path("/logout")))))
                    .access(new ReadOnlyRoles())
                    .anyRequest()
                    .authenticated())
        .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false))
        .httpBasic(basic -> basic.realmName("Baoxue"))
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
        // The webapps' XHR calls get 401, not the login page's HTML.
        .exceptionHandling(
            errors ->
                errors.defaultAuthenticationEntryPointFor(
                    new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), path("/camunda/api/**")))
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
