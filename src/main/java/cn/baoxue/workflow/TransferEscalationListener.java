package cn.baoxue.workflow;

import cn.baoxue.cases.CaseOfProcess;
import cn.baoxue.cases.DropoutCase;
import cn.baoxue.escalation.EscalationService;
import cn.baoxue.escalation.EscalationService.Decision;
import cn.baoxue.escalation.OverdueTask;
import cn.baoxue.kernel.identity.GroupIds;
import cn.baoxue.kernel.time.BeijingTime;
import cn.baoxue.org.OrgTree;
import cn.baoxue.transfer.CountyTransfer;
import cn.baoxue.transfer.CountyTransfers;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The timeout of {@code decideTransfer}: the escalation of every task (EscalationService), with the
 * receiving county as the one that missed it, so the 督办 goes to that county's superiors
 * (市教育局, then 省教育厅), not to the sending county's chain.
 */
@Component("transferEscalationListener")
public class TransferEscalationListener implements TaskListener {

  private final EscalationService escalations;
  private final CaseOfProcess caseOfProcess;
  private final CountyTransfers transfers;
  private final OrgTree orgTree;

  TransferEscalationListener(EscalationService escalations, CaseOfProcess caseOfProcess, CountyTransfers transfers, OrgTree orgTree) {
    this.escalations = escalations;
    this.caseOfProcess = caseOfProcess;
    this.transfers = transfers;
    this.orgTree = orgTree;
  }

  @Override
  public void notify(DelegateTask task) {
    DropoutCase dropoutCase = caseOfProcess.require(task.getProcessInstanceId());
    CountyTransfer transfer = transfers.ofProcess(task.getProcessInstanceId()).orElseThrow();
    String receivingCounty = GroupIds.county(transfer.getToCounty());
    List<String> candidateGroups = EscalationListener.candidateGroups(task);
    OverdueTask overdue = new OverdueTask(dropoutCase.getId(), dropoutCase.getCaseNumber(), task.getProcessInstanceId(),
        task.getId(), task.getTaskDefinitionKey(), task.getName(), task.getAssignee(), candidateGroups, List.of(),
        BeijingTime.of(task.getDueDate()), receivingCounty, receivingCounty, orgTree.groupsAboveCounty(transfer.getToCounty()));
    // No routing groups in the 督办: they would name the sending county's units, which are not the ones that missed it.
    Map<String, Object> summary = new HashMap<>(CaseSummaryListener.facts(dropoutCase));
    summary.put("caseNumber", dropoutCase.getCaseNumber());
    summary.put("studentName", task.getVariable("studentName"));
    summary.put("schoolName", task.getVariable("schoolName"));
    summary.put("villageName", task.getVariable("villageName"));
    Decision decision = escalations.escalate(overdue, summary);
    if (decision.superiorGroup() != null) {
      task.addCandidateGroup(decision.superiorGroup());
    }
    task.setPriority(decision.priority());
  }
}
