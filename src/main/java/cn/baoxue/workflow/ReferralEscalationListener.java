package cn.baoxue.workflow;

import cn.baoxue.cases.DropoutCase;
import cn.baoxue.escalation.EscalationService;
import cn.baoxue.escalation.EscalationService.Decision;
import cn.baoxue.escalation.OverdueTask;
import cn.baoxue.kernel.identity.GroupIds;
import cn.baoxue.kernel.time.BeijingTime;
import cn.baoxue.org.OrgTree;
import cn.baoxue.referral.Referrals;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The timeout listener of a referral's tasks: a department that has not answered, or not closed,
 * by the deadline goes to its county's education bureau as 督办 — the escalation every task of a
 * case has ({@link EscalationListener}), with the referral's case found through the referral this
 * process runs for, never through a variable.
 */
@Component("referralEscalationListener")
public class ReferralEscalationListener implements TaskListener {

  private final Referrals referrals;
  private final EscalationService escalations;
  private final OrgTree orgTree;

  public ReferralEscalationListener(Referrals referrals, EscalationService escalations, OrgTree orgTree) {
    this.referrals = referrals;
    this.escalations = escalations;
    this.orgTree = orgTree;
  }

  @Override
  public void notify(DelegateTask task) {
    Referrals.Overdue overdue = referrals.overdue(task.getProcessInstanceId())
        .orElseThrow(() -> new IllegalStateException("No referral runs in process instance " + task.getProcessInstanceId()));
    DropoutCase dropoutCase = overdue.dropoutCase();
    List<String> candidateGroups = EscalationListener.candidateGroups(task);
    String townshipGroup = GroupIds.township(dropoutCase.getTownshipCode());
    String countyGroup = GroupIds.county(dropoutCase.getCountyCode());
    String taskName = orgTree.name(overdue.referral().getDepartmentUnit()) + "：" + task.getName()
        + "（" + overdue.referral().getType().label() + "）";
    OverdueTask overdueTask = new OverdueTask(dropoutCase.getId(), dropoutCase.getCaseNumber(), task.getProcessInstanceId(),
        task.getId(), task.getTaskDefinitionKey(), taskName, task.getAssignee(), candidateGroups, List.of(),
        BeijingTime.of(task.getDueDate()), townshipGroup, countyGroup, orgTree.groupsAboveCounty(dropoutCase.getCountyCode()));
    // What the 督办 form shows of the case, as for a case's own task; the reassignment stays within the department.
    Map<String, Object> summary = new HashMap<>(CaseSummaryListener.facts(dropoutCase));
    summary.put("studentName", dropoutCase.getStudent().getName());
    summary.put("schoolName", orgTree.schoolName(dropoutCase.getSchoolCode()));
    summary.put("villageName", orgTree.name(dropoutCase.getVillageCode()));
    summary.put("caseNumber", dropoutCase.getCaseNumber());
    summary.put("schoolGroup", dropoutCase.schoolGroup());
    summary.put("villageGroup", GroupIds.village(dropoutCase.getVillageCode()));
    summary.put("townshipGroup", townshipGroup);
    summary.put("countyGroup", countyGroup);
    summary.put(ReassignChoicesListener.DEPARTMENT_GROUP, GroupIds.department(overdue.referral().getDepartmentUnit()));
    Decision decision = escalations.escalate(overdueTask, summary);
    task.setPriority(decision.priority());
  }
}
