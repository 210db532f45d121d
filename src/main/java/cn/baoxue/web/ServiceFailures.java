package cn.baoxue.web;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * The two failures that are nobody's fault and that a user should simply retry: someone else
 * claimed or changed the same task a moment earlier (409), and the database is out of reach (503,
 * nothing acknowledged is lost). Every entry point — /engine-rest, the webapps' engine API,
 * Baoxue's pages and /api — answers them the same way instead of with a 500 and a stack trace.
 */
public final class ServiceFailures {

  /** Seconds a client should wait before retrying while the database is away. */
  static final int RETRY_AFTER_SECONDS = 10;

  public record Failure(HttpStatus status, String type, String message) {
    public Map<String, Object> body() {
      return Map.of("type", type, "message", message);
    }
  }

  static final Failure CONFLICT =
      new Failure(HttpStatus.CONFLICT, "Conflict", "该任务刚被他人认领或办理，请刷新待办列表后再试。");

  static final Failure DATABASE_UNAVAILABLE =
      new Failure(
          HttpStatus.SERVICE_UNAVAILABLE,
          "DatabaseUnavailable",
          "数据库暂时无法连接，请稍后再试。已经提交成功的工作不会丢失。");

  private static final String CLOSED_POOL_CONNECTION = "Connection is closed";

  private ServiceFailures() {}

  public static Optional<Failure> classify(Throwable thrown) {
    for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
      if (cause instanceof TaskAlreadyClaimedException
          || cause instanceof OptimisticLockingException
          || cause instanceof OptimisticLockingFailureException) {
        return Optional.of(CONFLICT);
      }
      if (isDatabaseUnreachable(cause)) {
        return Optional.of(DATABASE_UNAVAILABLE);
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return Optional.empty();
  }

  private static boolean isDatabaseUnreachable(Throwable cause) {
    if (cause instanceof CannotCreateTransactionException
        || cause instanceof DataAccessResourceFailureException
        || cause instanceof SQLTransientConnectionException
        || cause instanceof SQLNonTransientConnectionException) {
      return true;
    }
    if (!(cause instanceof SQLException sql)) {
      return false;
    }
    // SQLSTATE class 08 is "connection exception"; 57P01-57P03 are PostgreSQL shutting down or
    // not yet accepting connections.
    String state = sql.getSQLState();
    if (state != null && (state.startsWith("08") || state.startsWith("57P0"))) {
      return true;
    }
    // The pool closes a connection whose socket broke; rolling back on it then fails with this
    // (no SQLSTATE), and Spring reports the rollback failure instead of the broken socket.
    return state == null && CLOSED_POOL_CONNECTION.equals(sql.getMessage());
  }
}
