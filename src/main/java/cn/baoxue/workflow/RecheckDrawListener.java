package cn.baoxue.workflow;

import cn.baoxue.recheck.QuarterlyRechecks;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * {@code drawRecheckSample}: created, it shows the county, the quarter and the cases each township
 * has to draw from; completed, the sample is drawn and recorded, and the process learns how many
 * re-check tasks to open.
 */
@Component("recheckDrawListener")
public class RecheckDrawListener implements TaskListener {

  private static final String SAMPLE_SIZE = "samplePerTownship";

  private final QuarterlyRechecks rechecks;

  RecheckDrawListener(QuarterlyRechecks rechecks) {
    this.rechecks = rechecks;
  }

  @Override
  public void notify(DelegateTask task) {
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      Map<String, Object> facts = new HashMap<>(rechecks.drawTaskFacts(task.getProcessInstanceId()));
      // The size is what the county submits: Tasklist's completion writes the process's variables, so
      // its default lives there too; a task-local copy would hide what was submitted.
      task.getExecution().setVariable(SAMPLE_SIZE, facts.remove(SAMPLE_SIZE));
      task.setVariablesLocal(facts);
      return;
    }
    int drawn = rechecks.draw(Actor.stepOn(task), task.getVariable(SAMPLE_SIZE));
    task.getExecution().getProcessInstance().setVariable("recheckItemCount", drawn);
  }
}
