package cn.baoxue.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The security headers of Baoxue's pages and the webapps. The Camunda webapps under /camunda send
 * their own Content-Security-Policy (with a nonce per response, camunda.bpm.webapp.header-security):
 * a second policy from here would be enforced on top of theirs and break them. HSTS, when on, is
 * sent from here for every path, the webapps' included (Camunda's own HSTS stays off), so that a
 * redirect to the login page carries it too.
 */
final class PageHeaders {

  /**
   * Scripts, styles, images and fonts from Baoxue itself only: no inline script, no inline style,
   * no eval; the dashboard's ECharts and the roster upload run from files under /js.
   */
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
          + "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

  static final int ONE_YEAR = 31_536_000;

  private static final RequestMatcher OWN_PAGES =
      new NegatedRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher("/camunda/**"));

  static final String NO_PERMISSIONS = "camera=(), microphone=(), geolocation=(), payment=()";
  static final String FIELD_APP_PERMISSIONS = "camera=(), microphone=(), geolocation=(self), payment=()";

  private static final RequestMatcher FIELD_APP = PathPatternRequestMatcher.withDefaults().matcher("/m/**");

  private PageHeaders() {}

  static void apply(HeadersConfigurer<HttpSecurity> headers, boolean hsts) {
    headers
        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(OWN_PAGES,
            new StaticHeadersWriter("Content-Security-Policy", CONTENT_SECURITY_POLICY)))
        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
        // Only the field app may ask for the phone's position (the place of a visit, when the
        // helper ticks 记录拍摄地点); every other page may use no sensor at all.
        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(FIELD_APP,
            new StaticHeadersWriter("Permissions-Policy", FIELD_APP_PERMISSIONS)))
        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(FIELD_APP),
            new StaticHeadersWriter("Permissions-Policy", NO_PERMISSIONS)));
    if (hsts) {
      headers.httpStrictTransportSecurity(sts -> sts
          .requestMatcher(request -> request.isSecure())
          .maxAgeInSeconds(ONE_YEAR)
          .includeSubDomains(true));
    } else {
      headers.httpStrictTransportSecurity(sts -> sts.disable());
    }
  }
}
