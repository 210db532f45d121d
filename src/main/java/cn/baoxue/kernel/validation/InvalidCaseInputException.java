package cn.baoxue.kernel.validation;

import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * Input that Baoxue cannot take, with every problem in Chinese for the person who typed it and the
 * field it concerns. Extends the engine's BadUserRequestException so that Camunda's REST API and
 * Tasklist answer 400 with the message instead of 500; thrown inside the engine's transaction, it
 * rolls back everything the request had written. Validation collects all problems first ({@link
 * Inputs}) and throws before anything is written.
 */
public class InvalidCaseInputException extends BadUserRequestException {

  private final transient List<Problem> problems;

  public InvalidCaseInputException(List<Problem> problems) {
    super(String.join("；", problems.stream().map(Problem::message).toList()));
    this.problems = List.copyOf(problems);
  }

  /** A problem of one field. */
  public InvalidCaseInputException(String field, String message) {
    this(List.of(new Problem(field, message)));
  }

  /** A problem of the request as a whole. */
  public InvalidCaseInputException(String message) {
    this(List.of(Problem.of(message)));
  }

  /** The problems as sentences, in the order found. */
  public List<String> problems() {
    return problems.stream().map(Problem::message).toList();
  }

  /** The problems with the field each concerns. */
  public List<Problem> fieldProblems() {
    return problems;
  }

  /**
   * Baoxue's one error shape (RFC 9457 problem detail): {@code detail} and {@code message} the
   * Chinese sentence, {@code problems} every sentence (as clients of the first release read
   * them), {@code errors} each with its {@code field}.
   */
  public ProblemDetail toProblemDetail() {
    return ErrorShape.of(HttpStatus.BAD_REQUEST, getMessage(), problems);
  }
}
