package cn.baoxue.workflow;

import cn.baoxue.transfer.CountyTransfers;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Start of {@code case-transfer}: links the process to its case and its transfer record before the
 * first task exists, as the intake does for {@code dropout-case}.
 */
@Component("transferStartListener")
public class TransferStartListener implements ExecutionListener {

  private final CountyTransfers transfers;

  TransferStartListener(CountyTransfers transfers) {
    this.transfers = transfers;
  }

  @Override
  public void notify(DelegateExecution execution) {
    transfers.linkStartedProcess(execution.getProcessBusinessKey(), execution.getProcessInstanceId());
  }
}
