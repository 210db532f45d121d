package cn.baoxue.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses every request that may change something (any method but GET, HEAD, OPTIONS) when the
 * browser says it comes from another site: its {@code Origin}, or without one its {@code Referer},
 * names an origin that is not Baoxue's own. This holds whatever the authentication — a session,
 * HTTP Basic credentials a browser might still hold, none — and on every path, so a foreign page
 * can neither post a form nor an upload nor an admin import with the official's browser. Requests
 * without either header (scripts, curl, other systems) are not a browser acting for a foreign page
 * and go on to the usual checks (login, CSRF token for sessions, authorizations).
 *
 * <p>Baoxue's own origin is the configured list {@code baoxue.security.allowed-origins}, or by
 * default the scheme, host and port of the request as Tomcat sees them — after the trusted proxy's
 * {@code X-Forwarded-Proto} was applied (see {@link TrustedProxies}). A browser always sends the
 * host it talks to, so a foreign page cannot make its request look same-origin.
 */
@Component
@Order(SecurityProperties.DEFAULT_FILTER_ORDER - 1)
class SameOriginWrites extends OncePerRequestFilter {

  static final String REFUSAL = "拒绝跨站请求：该操作只能在保学系统自己的页面上提交，请回到保学页面重新操作";

  private static final Logger log = LoggerFactory.getLogger(SameOriginWrites.class);
  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
  private static final List<String> JSON_PATHS = List.of("/api/", "/engine-rest/", "/camunda/api/");

  private final List<String> allowedOrigins;
  private final ObjectMapper json;

  SameOriginWrites(@Value("${baoxue.security.allowed-origins:}") List<String> allowedOrigins, ObjectMapper json) {
    this.allowedOrigins = allowedOrigins.stream()
        .filter(origin -> !origin.isBlank())
        .map(origin -> normalized(origin.trim()).orElseThrow(
            () -> new IllegalArgumentException("baoxue.security.allowed-origins: not an origin: " + origin)))
        .toList();
    this.json = json;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (SAFE_METHODS.contains(request.getMethod())) {
      chain.doFilter(request, response);
      return;
    }
    String origin = request.getHeader("Origin");
    String claimed = origin != null ? origin : request.getHeader("Referer");
    if (claimed == null || isOwn(claimed, request)) {
      chain.doFilter(request, response);
      return;
    }
    log.warn("Cross-site {} {} refused: {} {} from {}", request.getMethod(), request.getRequestURI(),
        origin != null ? "Origin" : "Referer", claimed, request.getRemoteAddr());
    refuse(request, response);
  }

  private boolean isOwn(String claimed, HttpServletRequest request) {
    Optional<String> claimedOrigin = normalized(claimed);
    if (claimedOrigin.isEmpty()) {
      return false;
    }
    if (!allowedOrigins.isEmpty()) {
      return allowedOrigins.contains(claimedOrigin.get());
    }
    return claimedOrigin.equals(origin(request.getScheme(), request.getServerName(), request.getServerPort()));
  }

  /** scheme://host:port with the port always written, or empty for "null" and anything unparsable. */
  static Optional<String> normalized(String originOrUrl) {
    // Only scheme://authority counts: a Referer's path and query need not be a valid URI to us.
    int authority = originOrUrl.indexOf("://");
    int end = authority < 0 ? -1 : indexOfAny(originOrUrl, authority + 3, "/?#");
    String prefix = end < 0 ? originOrUrl : originOrUrl.substring(0, end);
    try {
      URI uri = new URI(prefix);
      return origin(uri.getScheme(), uri.getHost(), uri.getPort());
    } catch (Exception e) {
      return Optional.empty();
    }
  }

  private static int indexOfAny(String text, int from, String characters) {
    for (int i = from; i < text.length(); i++) {
      if (characters.indexOf(text.charAt(i)) >= 0) {
        return i;
      }
    }
    return -1;
  }

  private static Optional<String> origin(String scheme, String host, int port) {
    if (scheme == null || host == null || host.isEmpty()) {
      return Optional.empty();
    }
    String s = scheme.toLowerCase(Locale.ROOT);
    if (!s.equals("http") && !s.equals("https")) {
      return Optional.empty();
    }
    String h = host.toLowerCase(Locale.ROOT);
    if (h.startsWith("[") && h.endsWith("]")) {
      h = h.substring(1, h.length() - 1);
    }
    int p = port > 0 ? port : s.equals("https") ? 443 : 80;
    return Optional.of(s + "://" + h + ":" + p);
  }

  private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
    String path = request.getRequestURI();
    if (JSON_PATHS.stream().anyMatch(path::startsWith)) {
      response.setStatus(HttpServletResponse.SC_FORBIDDEN);
      response.setCharacterEncoding(StandardCharsets.UTF_8.name());
      response.setContentType(MediaType.APPLICATION_JSON_VALUE);
      json.writeValue(response.getOutputStream(), Map.of("message", REFUSAL));
    } else {
      // Baoxue's Chinese error page (templates/error.html) for browsers.
      response.sendError(HttpServletResponse.SC_FORBIDDEN, REFUSAL);
    }
  }
}
