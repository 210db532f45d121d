package cn.baoxue.kernel.validation;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * The one shape of every refusal Baoxue's own API answers: Spring's {@link ProblemDetail} with the
 * Chinese reason in {@code detail}, the same in {@code message} (the field clients of the first
 * release read), the sentences in {@code problems} and, where fields are known, {@code errors}
 * as {@code [{"field": …, "message": …}]}.
 */
public final class ErrorShape {

  private ErrorShape() {}

  public static ProblemDetail of(HttpStatusCode status, String message) {
    return of(status, message, List.of());
  }

  public static ProblemDetail of(HttpStatusCode status, String message, List<Problem> problems) {
    ProblemDetail detail = ProblemDetail.forStatusAndDetail(status, message);
    detail.setType(URI.create("about:blank"));
    detail.setProperty("message", message);
    if (!problems.isEmpty()) {
      detail.setProperty("problems", problems.stream().map(Problem::message).toList());
      detail.setProperty("errors", problems.stream().map(ErrorShape::asMap).toList());
    }
    return detail;
  }

  /**
   * The answer of a Spring controller: the problem as {@code application/problem+json}, without
   * the {@code instance} Spring would fill in from the request path — a path can carry a
   * 身份证号 ({@code /api/students/{idNumber}/changes}), which the answer must not repeat.
   */
  public static ResponseEntity<Map<String, Object>> response(ProblemDetail detail) {
    return ResponseEntity.status(detail.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(asMap(detail));
  }

  /** The same shape as a plain map, for the engine's REST API (Jersey) which knows no ProblemDetail. */
  public static Map<String, Object> asMap(ProblemDetail detail) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", String.valueOf(detail.getType()));
    body.put("title", detail.getTitle());
    body.put("status", detail.getStatus());
    body.put("detail", detail.getDetail());
    if (detail.getProperties() != null) {
      body.putAll(detail.getProperties());
    }
    return body;
  }

  private static Map<String, Object> asMap(Problem problem) {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("field", problem.field());
    error.put("message", problem.message());
    return error;
  }
}
