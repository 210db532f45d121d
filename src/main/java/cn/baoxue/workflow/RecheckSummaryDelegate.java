package cn.baoxue.workflow;

import cn.baoxue.recheck.QuarterlyRechecks;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The end of a county's 季度复核: the round is marked done (its share confirmed is read from its
 * items). Also the bean {@code recheckSample} whose item list the re-check tasks are opened over.
 */
@Component("recheckSummaryDelegate")
public class RecheckSummaryDelegate implements JavaDelegate {

  private final QuarterlyRechecks rechecks;

  RecheckSummaryDelegate(QuarterlyRechecks rechecks) {
    this.rechecks = rechecks;
  }

  @Override
  public void execute(DelegateExecution execution) {
    rechecks.finish(execution.getProcessInstanceId());
  }

  /** The sampled items of a round's process, in the order drawn. */
  @Component("recheckSample")
  public static class Items {

    private final QuarterlyRechecks rechecks;

    Items(QuarterlyRechecks rechecks) {
      this.rechecks = rechecks;
    }

    public List<Long> itemsOf(String processInstanceId) {
      return rechecks.itemIdsOf(processInstanceId);
    }
  }
}
