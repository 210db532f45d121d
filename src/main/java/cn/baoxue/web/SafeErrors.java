package cn.baoxue.web;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What an error response of Camunda's REST API may say. A 4xx keeps Camunda's message: it tells
 * the client what to correct (a missing permission, an unknown id). A 5xx, or any message that
 * quotes the database, is replaced by a Chinese sentence and a reference that finds the full
 * exception in the log.
 */
final class SafeErrors {

  private static final Logger log = LoggerFactory.getLogger(SafeErrors.class);
  /** MyBatis' "### SQL:" / "### Cause:" blocks, JDBC exceptions and driver packages. */
  private static final Pattern DATABASE_DETAIL = Pattern.compile(
      "###|SQLException|SQL statement|JdbcSQL|org\\.h2\\.|org\\.postgresql|PSQLException|org\\.apache\\.ibatis");

  private SafeErrors() {}

  static Response of(Response camunda, Throwable exception) {
    String type = "ServerError";
    String message = null;
    if (camunda.getEntity() instanceof ExceptionDto dto) {
      type = dto.getType();
      message = dto.getMessage();
    }
    boolean serverError = camunda.getStatus() >= 500;
    if (!serverError && !quotesDatabase(message)) {
      return camunda;
    }
    String reference = UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
    log.error("Engine REST error {} (status {}, answered without its message)", reference, camunda.getStatus(), exception);
    return Response.status(camunda.getStatus())
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(Map.of(
            "type", serverError ? "ServerError" : type,
            "message", "服务器处理请求时出错，请稍后重试或联系系统管理员（参考编号 " + reference + "）"))
        .build();
  }

  static boolean quotesDatabase(String message) {
    return message != null && DATABASE_DETAIL.matcher(message).find();
  }
}
