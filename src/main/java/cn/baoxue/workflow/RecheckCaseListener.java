package cn.baoxue.workflow;

import static cn.baoxue.workflow.VariableText.of;

import cn.baoxue.recheck.QuarterlyRechecks;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * {@code recheckCase}, one per sampled case: created, it shows the case and how it was closed (and
 * names it in Tasklist's list as a case's task does); completed, the county's finding is recorded,
 * and a failure opens the case again. The sampled item is the instance's own element variable,
 * never one a client sends.
 */
@Component("recheckCaseListener")
public class RecheckCaseListener implements TaskListener {

  private final QuarterlyRechecks rechecks;

  RecheckCaseListener(QuarterlyRechecks rechecks) {
    this.rechecks = rechecks;
  }

  @Override
  public void notify(DelegateTask task) {
    long itemId = ((Number) task.getExecution().getVariableLocal("recheckItemId")).longValue();
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      Map<String, Object> facts = rechecks.recheckTaskFacts(itemId);
      task.setVariablesLocal(facts);
      task.setVariableLocal(CaseSummaryListener.CASE_SUMMARY, CaseSummaryListener.summaryLine(facts::get));
      return;
    }
    rechecks.record(Actor.stepOn(task), itemId, of(task, "recheckResult"), of(task, "recheckNotes"));
  }
}
