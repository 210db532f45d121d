package cn.baoxue.workflow;

import cn.baoxue.recheck.QuarterlyRechecks;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * county-recheck's late path: a deadline of the draw or of the re-checks passed. The bureaus above
 * the county are told and the round's open tasks rise in priority; the county keeps the work.
 */
@Component("recheckLateDelegate")
public class RecheckLateDelegate implements JavaDelegate {

  /** As a task that went up once (EscalationService's second level). */
  static final int LATE_PRIORITY = 80;

  private final QuarterlyRechecks rechecks;

  RecheckLateDelegate(QuarterlyRechecks rechecks) {
    this.rechecks = rechecks;
  }

  @Override
  public void execute(DelegateExecution execution) {
    TaskService tasks = execution.getProcessEngineServices().getTaskService();
    java.util.List<Task> open = tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId()).list();
    String stepName = open.isEmpty() ? "季度复核" : open.get(0).getName();
    rechecks.reportLate(execution.getProcessInstanceId(), stepName, open.isEmpty() ? null : open.get(0).getId());
    open.forEach(task -> tasks.setPriority(task.getId(), LATE_PRIORITY));
  }
}
