package cn.baoxue.workflow;

import cn.baoxue.recheck.QuarterlyRechecks;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** Start of {@code county-recheck}: links the process to the round the schedule opened; any other start is refused. */
@Component("recheckStartListener")
public class RecheckStartListener implements ExecutionListener {

  private final QuarterlyRechecks rechecks;

  RecheckStartListener(QuarterlyRechecks rechecks) {
    this.rechecks = rechecks;
  }

  @Override
  public void notify(DelegateExecution execution) {
    rechecks.linkStartedProcess(execution.getProcessBusinessKey(), execution.getProcessInstanceId());
  }
}
