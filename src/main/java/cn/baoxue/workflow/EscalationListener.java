package cn.baoxue.workflow;

import static cn.baoxue.workflow.VariableText.caseId;

import cn.baoxue.escalation.EscalationService;
import cn.baoxue.escalation.EscalationService.Decision;
import cn.baoxue.escalation.OverdueTask;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The timeout listener of every user task: when its deadline passes, the task goes up to the
 * case's next superior (who may then see and work it), its priority rises, and the superior
 * gets a 督办 task.
 */
@Component("escalationListener")
public class EscalationListener implements TaskListener {

  static final List<String> CASE_GROUPS = List.of("schoolGroup", "villageGroup", "townshipGroup", "countyGroup");
  /** What the 督办 task shows of the case, and the groups a reassignment must stay within. */
  private static final List<String> SUMMARY = List.of("caseNumber", "caseId", "studentName", "schoolName", "villageName",
      "schoolGroup", "villageGroup", "townshipGroup", "countyGroup");

  private final EscalationService escalations;

  public EscalationListener(EscalationService escalations) {
    this.escalations = escalations;
  }

  @Override
  public void notify(DelegateTask task) {
    List<String> candidateGroups = task.getCandidates().stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
        .map(link -> link.getGroupId())
        .toList();
    OverdueTask overdue = new OverdueTask(
        caseId(task),
        (String) task.getVariable("caseNumber"),
        task.getProcessInstanceId(),
        task.getId(),
        task.getTaskDefinitionKey(),
        task.getName(),
        task.getAssignee(),
        candidateGroups,
        LocalDateTime.ofInstant(task.getDueDate().toInstant(), ZoneId.systemDefault()),
        (String) task.getVariable("townshipGroup"),
        (String) task.getVariable("countyGroup"));
    Map<String, Object> summary = new HashMap<>();
    SUMMARY.forEach(name -> summary.put(name, task.getVariable(name)));

    Decision decision = escalations.escalate(overdue, summary);
    if (decision.superiorGroup() != null) {
      task.addCandidateGroup(decision.superiorGroup());
    }
    task.setPriority(decision.priority());
  }
}
