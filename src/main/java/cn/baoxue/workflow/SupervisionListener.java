package cn.baoxue.workflow;

import static cn.baoxue.workflow.VariableText.of;

import cn.baoxue.escalation.SupervisionService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Completing {@code superviseOverdueTask} (督办): applies the superior's decision to the overdue task
 * of the escalation this 督办 process was started for.
 */
@Component("supervisionListener")
public class SupervisionListener implements TaskListener {

  private final SupervisionService supervision;

  public SupervisionListener(SupervisionService supervision) {
    this.supervision = supervision;
  }

  @Override
  public void notify(DelegateTask task) {
    SupervisionService.Decision decision = new SupervisionService.Decision(
        of(task, "supervisionAction"), of(task, "newAssignee"), of(task, "newDueDate"), of(task, "supervisionNotes"));
    boolean applied = supervision.apply(Actor.stepOn(task), decision);
    task.setVariable("overdueTaskStillOpen", applied);
  }
}
