package cn.baoxue.workflow;

import cn.baoxue.escalation.EscalationService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Completing or deleting any user task: if it was escalated, the 督办 tasks still open for it are
 * withdrawn (supervision.bpmn, 逾期任务已办结 → 督办撤销).
 */
@Component
public class SupervisionWithdrawalListener implements TaskListener {

  private final EscalationService escalations;

  /** Lazy: the engine's plugins are built before the engine, whose services EscalationService needs. */
  public SupervisionWithdrawalListener(@Lazy EscalationService escalations) {
    this.escalations = escalations;
  }

  @Override
  public void notify(DelegateTask task) {
    // Every escalation raises the task's priority; a task never escalated costs no query here.
    if (task.getPriority() >= TasklistFilters.ESCALATED_PRIORITY) {
      escalations.withdrawSupervision(task.getId());
    }
  }
}
