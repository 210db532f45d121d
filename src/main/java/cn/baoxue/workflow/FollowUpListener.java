package cn.baoxue.workflow;

import static cn.baoxue.workflow.VariableText.of;

import cn.baoxue.cases.FollowUpService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Completing {@code followUp}: records whether the child is still in school. */
@Component("followUpListener")
public class FollowUpListener implements TaskListener {

  private final FollowUpService followUps;

  public FollowUpListener(FollowUpService followUps) {
    this.followUps = followUps;
  }

  @Override
  public void notify(DelegateTask task) {
    followUps.recordFollowUp(Actor.stepOn(task), of(task, "followUpResult"), of(task, "followUpNotes"));
  }
}
