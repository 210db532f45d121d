package cn.baoxue.workflow;

import cn.baoxue.org.OrgTree;
import cn.baoxue.kernel.time.BeijingTime;
import cn.baoxue.cases.CaseOfProcess;
import cn.baoxue.cases.DropoutCase;
import cn.baoxue.escalation.EscalationService;
import cn.baoxue.escalation.EscalationService.Decision;
import cn.baoxue.escalation.OverdueTask;
import cn.baoxue.kernel.identity.GroupIds;
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

  /** What the 督办 task shows of the case, beside its number, groups and facts taken from the case itself. */
  private static final List<String> SUMMARY = List.of("studentName", "schoolName", "villageName");

  private final EscalationService escalations;
  private final CaseOfProcess caseOfProcess;

  private final OrgTree orgTree;

  public EscalationListener(EscalationService escalations, CaseOfProcess caseOfProcess, OrgTree orgTree) {
    this.escalations = escalations;
    this.caseOfProcess = caseOfProcess;
    this.orgTree = orgTree;
  }

  @Override
  public void notify(DelegateTask task) {
    List<String> candidateGroups = candidateGroups(task);
    List<String> candidateUsers = task.getCandidates().stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getUserId() != null)
        .map(link -> link.getUserId())
        .sorted()
        .toList();
    // The case of this process instance, never one a variable names; a process without one has no deadline to miss.
    DropoutCase dropoutCase = caseOfProcess.require(task.getProcessInstanceId());
    String townshipGroup = GroupIds.township(dropoutCase.getTownshipCode());
    String countyGroup = GroupIds.county(dropoutCase.getCountyCode());
    OverdueTask overdue = new OverdueTask(
        dropoutCase.getId(),
        dropoutCase.getCaseNumber(),
        task.getProcessInstanceId(),
        task.getId(),
        task.getTaskDefinitionKey(),
        task.getName(),
        task.getAssignee(),
        candidateGroups,
        candidateUsers,
        BeijingTime.of(task.getDueDate()),
        townshipGroup,
        countyGroup,
        orgTree.groupsAboveCounty(dropoutCase.getCountyCode()));
    Map<String, Object> summary = new HashMap<>(CaseSummaryListener.facts(dropoutCase));
    SUMMARY.forEach(name -> summary.put(name, task.getVariable(name)));
    summary.put("caseNumber", dropoutCase.getCaseNumber());
    summary.put("schoolGroup", dropoutCase.schoolGroup());
    summary.put("villageGroup", GroupIds.village(dropoutCase.getVillageCode()));
    summary.put("townshipGroup", townshipGroup);
    summary.put("countyGroup", countyGroup);

    Decision decision = escalations.escalate(overdue, summary);
    if (decision.superiorGroup() != null) {
      task.addCandidateGroup(decision.superiorGroup());
    }
    task.setPriority(decision.priority());
  }

  /** The groups a task is offered to, as an overdue task names them (the case's, a referral's, a transfer's). */
  static List<String> candidateGroups(DelegateTask task) {
    return task.getCandidates().stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
        .map(link -> link.getGroupId())
        .toList();
  }
}
