package cn.baoxue.cases;

import cn.baoxue.kernel.validation.Inputs;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** 销号: the township approves closing, and only then does the case leave the open ledger. */
@Service
public class ClosureService {

  private final CaseOfProcess caseOfProcess;
  private final ClosureReviewRepository reviews;

  ClosureService(CaseOfProcess caseOfProcess, ClosureReviewRepository reviews) {
    this.caseOfProcess = caseOfProcess;
    this.reviews = reviews;
  }

  @Transactional
  public ClosureReview review(CaseStep step, boolean approved, String comment) {
    DropoutCase dropoutCase = caseOfProcess.requireOpen(step);
    Inputs in = new Inputs();
    String reviewComment = in.notes("closureComment", comment, "审批意见", !approved);
    in.check();
    if (approved) {
      dropoutCase.closeApproved();
    }
    return reviews.save(new ClosureReview(dropoutCase, step.actor(), approved, reviewComment));
  }
}
