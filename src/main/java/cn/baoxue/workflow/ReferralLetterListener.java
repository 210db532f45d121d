package cn.baoxue.workflow;


import cn.baoxue.documents.CaseDocuments;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Creating {@code legalReferral}: the township's referral letter (移送函) goes with the case to the county. */
@Component("referralLetterListener")
public class ReferralLetterListener implements TaskListener {

  private final CaseDocuments documents;

  public ReferralLetterListener(CaseDocuments documents) {
    this.documents = documents;
  }

  @Override
  public void notify(DelegateTask task) {
    documents.issueLegalReferral(Actor.stepOn(task), task.getId());
  }
}
