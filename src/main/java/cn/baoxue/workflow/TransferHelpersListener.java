package cn.baoxue.workflow;

import static cn.baoxue.workflow.VariableText.of;

import cn.baoxue.transfer.CountyTransfers;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Completing {@code assignTransferredHelpers}, after {@code helperAssignmentListener} checked and
 * recorded the helpers: the moved case's process and its helpers' open tasks take them.
 */
@Component("transferHelpersListener")
public class TransferHelpersListener implements TaskListener {

  private final CountyTransfers transfers;

  TransferHelpersListener(CountyTransfers transfers) {
    this.transfers = transfers;
  }

  @Override
  public void notify(DelegateTask task) {
    transfers.helpersAssigned(Actor.stepOn(task), of(task, "teacherHelper"), of(task, "cadreHelper"), of(task, "womenfedHelper"));
  }
}
