package cn.baoxue.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.HtmlUtils;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Outermost filter: a conflict or a database outage that escapes any part of the request — the
 * login check of an HTTP Basic call, a Baoxue page, an /api call — is answered as {@link
 * ServiceFailures} says, in JSON for clients and as a short Chinese page for browsers.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class ServiceFailureFilter extends OncePerRequestFilter {

  private static final Logger log = LoggerFactory.getLogger(ServiceFailureFilter.class);
  private final ObjectMapper json;

  ServiceFailureFilter(ObjectMapper json) {
    this.json = json;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    try {
      chain.doFilter(request, response);
    } catch (RuntimeException | ServletException e) {
      Optional<ServiceFailures.Failure> failure = ServiceFailures.classify(e);
      if (failure.isEmpty() || response.isCommitted()) {
        throw e;
      }
      log.warn("{} {} answered {}: {}", request.getMethod(), request.getRequestURI(), failure.get().status().value(), e.toString());
      write(request, response, failure.get());
    }
  }

  private void write(HttpServletRequest request, HttpServletResponse response, ServiceFailures.Failure failure)
      throws IOException {
    response.resetBuffer();
    response.setStatus(failure.status().value());
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    if (failure.status().value() == 503) {
      response.setHeader("Retry-After", String.valueOf(ServiceFailures.RETRY_AFTER_SECONDS));
    }
    String accept = request.getHeader("Accept");
    if (accept != null && accept.contains(MediaType.TEXT_HTML_VALUE)) {
      response.setContentType(MediaType.TEXT_HTML_VALUE);
      response.getWriter().write(
          "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>保学</title></head><body><p>"
              + HtmlUtils.htmlEscape(failure.message())
              + "</p></body></html>");
    } else {
      response.setContentType(MediaType.APPLICATION_JSON_VALUE);
      json.writeValue(response.getOutputStream(), failure.body());
    }
  }
}
