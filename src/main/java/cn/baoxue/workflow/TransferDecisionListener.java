package cn.baoxue.workflow;

import static cn.baoxue.workflow.VariableText.of;

import cn.baoxue.security.WithoutEngineAuthorization;
import cn.baoxue.transfer.CountyTransfers;
import cn.baoxue.transfer.CountyTransfers.Decision;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Completing {@code decideTransfer} (case-transfer.bpmn): the receiving county's answer is checked
 * and carried out; accepted, the process learns whether the new township must name helpers, and
 * the routing of the units the case moved to.
 */
@Component("transferDecisionListener")
public class TransferDecisionListener implements TaskListener {

  private final CountyTransfers transfers;
  private final WithoutEngineAuthorization withoutEngineAuthorization;

  TransferDecisionListener(CountyTransfers transfers, WithoutEngineAuthorization withoutEngineAuthorization) {
    this.transfers = transfers;
    this.withoutEngineAuthorization = withoutEngineAuthorization;
  }

  @Override
  public void notify(DelegateTask task) {
    Decision decision = transfers.decide(Actor.stepOn(task), of(task, "transferDecision"), of(task, "transferDecisionReason"),
        of(task, "receivingVillageCode"), of(task, "receivingSchoolCode"));
    task.getExecution().setVariables(decision.routing());
    task.getExecution().setVariable("helpersToReassign", decision.helpersToReassign());
    if (decision.accepted()) {
      renameInTheLists(task);
    }
  }

  /** The open tasks of the moved case name its new school and village in Tasklist's lists. */
  private void renameInTheLists(DelegateTask task) {
    TaskService tasks = task.getProcessEngineServices().getTaskService();
    withoutEngineAuthorization.run(() -> {
      for (Task open : tasks.createTaskQuery().processInstanceBusinessKey(task.getExecution().getProcessBusinessKey()).list()) {
        if (!open.getProcessInstanceId().equals(task.getProcessInstanceId())) {
          tasks.setVariableLocal(open.getId(), CaseSummaryListener.CASE_SUMMARY,
              CaseSummaryListener.summaryLine(name -> tasks.getVariable(open.getId(), name)));
        }
      }
    });
  }
}
