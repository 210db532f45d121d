package cn.baoxue.cases;

import cn.baoxue.kernel.validation.Inputs;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** 销号: the township approves closing, and only then does the case leave the open ledger. */
@Service
public class ClosureService {

  private final DropoutCaseRepository cases;
  private final ClosureReviewRepository reviews;

  ClosureService(DropoutCaseRepository cases, ClosureReviewRepository reviews) {
    this.cases = cases;
    this.reviews = reviews;
  }

  @Transactional
  public ClosureReview review(Long caseId, boolean approved, String comment, String actor) {
    Inputs in = new Inputs();
    String reviewComment = in.notes("closureComment", comment, "审批意见", !approved);
    in.check();
    DropoutCase dropoutCase = cases.requireOpen(caseId);
    if (approved) {
      dropoutCase.closeApproved();
    }
    return reviews.save(new ClosureReview(dropoutCase, actor, approved, reviewComment));
  }
}
