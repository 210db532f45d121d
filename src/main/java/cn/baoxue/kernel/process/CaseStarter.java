package cn.baoxue.kernel.process;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/**
 * Starts a case from the system's own entry paths (roster import, attendance feed, and those added
 * later) the way a report from Tasklist or REST starts: a {@code dropout-case} instance whose start
 * listener, the intake, checks the {@link CaseStart} and opens the case. Runs as the user the engine
 * knows at the time, so the case records who raised it.
 */
@Component
public class CaseStarter {

  private final RuntimeService runtimeService;

  public CaseStarter(RuntimeService runtimeService) {
    this.runtimeService = runtimeService;
  }

  /** The new case's number (the process's business key). */
  public String start(CaseStart start) {
    return runtimeService.createProcessInstanceByKey(ProcessKeys.DROPOUT_CASE)
        .setVariables(start.toVariables())
        .execute()
        .getBusinessKey();
  }
}
