package cn.baoxue.workflow;

import static cn.baoxue.workflow.VariableText.of;

import cn.baoxue.transfer.CountyTransfers;
import cn.baoxue.transfer.CountyTransfers.Decision;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Completing {@code decideTransfer} (case-transfer.bpmn): the receiving county's answer is checked
 * and carried out; accepted, the process learns whether the new township must name helpers, and
 * the routing of the units the case moved to.
 */
@Component("transferDecisionListener")
public class TransferDecisionListener implements TaskListener {

  private final CountyTransfers transfers;

  TransferDecisionListener(CountyTransfers transfers) {
    this.transfers = transfers;
  }

  @Override
  public void notify(DelegateTask task) {
    Decision decision = transfers.decide(Actor.stepOn(task), of(task, "transferDecision"), of(task, "transferDecisionReason"),
        of(task, "receivingVillageCode"), of(task, "receivingSchoolCode"));
    task.getExecution().setVariables(decision.routing());
    task.getExecution().setVariable("helpersToReassign", decision.helpersToReassign());
  }
}
