package cn.baoxue.workflow;

import static cn.baoxue.workflow.VariableText.of;

import cn.baoxue.cases.HelperAssignmentService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Completing {@code assignHelpers}: checks and records the helpers the later tasks go to. */
@Component("helperAssignmentListener")
public class HelperAssignmentListener implements TaskListener {

  private final HelperAssignmentService assignments;

  public HelperAssignmentListener(HelperAssignmentService assignments) {
    this.assignments = assignments;
  }

  @Override
  public void notify(DelegateTask task) {
    assignments.assign(
        Actor.stepOn(task), of(task, "teacherHelper"), of(task, "cadreHelper"), of(task, "womenfedHelper"));
  }
}
