package cn.baoxue.kernel.validation;

import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;

/**
 * Input that a case cannot take, with every problem in Chinese for the person who typed it.
 * Extends the engine's BadUserRequestException so that Camunda's REST API and Tasklist answer
 * 400 with the message instead of 500; thrown inside the engine's transaction, it rolls back
 * everything the request had written.
 */
public class InvalidCaseInputException extends BadUserRequestException {

  private final transient List<String> problems;

  public InvalidCaseInputException(List<String> problems) {
    super(String.join("；", problems));
    this.problems = List.copyOf(problems);
  }

  public InvalidCaseInputException(String problem) {
    this(List.of(problem));
  }

  public List<String> problems() {
    return problems;
  }
}
