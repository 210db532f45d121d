package cn.baoxue.workflow;

import static cn.baoxue.workflow.VariableText.of;

import cn.baoxue.escalation.SupervisionService;
import java.util.List;
import java.util.Objects;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Completing {@code superviseOverdueTask} (督办): applies the superior's decision to the overdue task. */
@Component("supervisionListener")
public class SupervisionListener implements TaskListener {

  private final SupervisionService supervision;

  public SupervisionListener(SupervisionService supervision) {
    this.supervision = supervision;
  }

  @Override
  public void notify(DelegateTask task) {
    Long escalationId = ((Number) task.getVariable("escalationId")).longValue();
    SupervisionService.Decision decision = new SupervisionService.Decision(
        of(task, "supervisionAction"), of(task, "newAssignee"), of(task, "newDueDate"), of(task, "supervisionNotes"));
    boolean applied = supervision.apply(escalationId, decision, caseGroups(task), Actor.of(task).userId());
    task.setVariable("overdueTaskStillOpen", applied);
  }

  /** The routing groups of the supervised case, copied into the 督办 process when it started. */
  private static List<String> caseGroups(DelegateTask task) {
    return EscalationListener.CASE_GROUPS.stream()
        .map(name -> (String) task.getVariable(name))
        .filter(Objects::nonNull)
        .toList();
  }
}
