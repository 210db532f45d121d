package cn.baoxue.workflow;

import cn.baoxue.kernel.time.BeijingTime;
import cn.baoxue.recheck.QuarterlyRechecks;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** recheck-schedule's step at each quarter's start: every county's 季度复核 of the quarter just ended. */
@Component("recheckScheduleDelegate")
public class RecheckScheduleDelegate implements JavaDelegate {

  private final QuarterlyRechecks rechecks;

  RecheckScheduleDelegate(QuarterlyRechecks rechecks) {
    this.rechecks = rechecks;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable("roundsOpened", String.join(",", rechecks.openAll(BeijingTime.now().toLocalDate())));
  }
}
