package cn.baoxue.workflow;

import static cn.baoxue.workflow.VariableText.isTrue;
import static cn.baoxue.workflow.VariableText.of;

import cn.baoxue.cases.ClosureService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Completing {@code approveClosure}: records the decision. The gateway reads
 * {@code closureApproved} as a boolean, so a REST client's "true"/"false" text is normalised.
 */
@Component("closureListener")
public class ClosureListener implements TaskListener {

  private final ClosureService closure;

  public ClosureListener(ClosureService closure) {
    this.closure = closure;
  }

  @Override
  public void notify(DelegateTask task) {
    boolean approved = isTrue(task, "closureApproved");
    closure.review(Actor.stepOn(task), approved, of(task, "closureComment"));
    task.setVariable("closureApproved", approved);
  }
}
