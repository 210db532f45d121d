package cn.baoxue.cases;

import cn.baoxue.kernel.validation.Inputs;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** 销号: the township approves closing, and only then does the case leave the open ledger. */
@Service
public class ClosureService {

  private final CaseOfProcess caseOfProcess;
  private final ClosureReviewRepository reviews;
  private final ObjectProvider<ClosureCondition> conditions;

  ClosureService(CaseOfProcess caseOfProcess, ClosureReviewRepository reviews, ObjectProvider<ClosureCondition> conditions) {
    this.caseOfProcess = caseOfProcess;
    this.reviews = reviews;
    this.conditions = conditions;
  }

  /**
   * Records the decision. {@code decision} is the explicit choice ({@code APPROVE}/{@code RETURN},
   * or its Chinese label); without it, {@code legacyApproved} is the checkbox of the form before
   * issue 16, still sent by tasks opened then ("true" approves, anything else returns). A return
   * needs its reason (审批意见); an approval may give one, and must meet every {@link ClosureCondition}.
   */
  @Transactional
  public ClosureDecision review(CaseStep step, String decision, String legacyApproved, String comment) {
    DropoutCase dropoutCase = caseOfProcess.requireOpen(step);
    Inputs in = new Inputs();
    ClosureDecision taken;
    if (Inputs.trim(decision) == null && legacyApproved != null) {
      taken = "true".equalsIgnoreCase(legacyApproved.trim()) ? ClosureDecision.APPROVE : ClosureDecision.RETURN;
    } else if (Inputs.trim(decision) == null) {
      in.problem("closureDecision", "请选择审批结论：同意销号或退回继续跟踪");
      taken = null;
    } else {
      taken = in.code("closureDecision", ClosureDecision.class, decision, "审批结论");
    }
    String reviewComment = in.notes("closureComment", comment, "审批意见", false);
    if (taken == ClosureDecision.RETURN && reviewComment == null) {
      in.problem("closureComment", "退回继续跟踪须填写审批意见，写明退回的理由");
    }
    if (taken == ClosureDecision.APPROVE) {
      // The conditions of other features (佐证材料 per step): named under the decision, since it is
      // the approval they refuse.
      conditions.orderedStream().forEach(condition -> condition.unmetBy(dropoutCase).ifPresent(reason -> in.problem("closureDecision", reason)));
    }
    in.check();
    if (taken == ClosureDecision.APPROVE) {
      dropoutCase.closeApproved();
    }
    reviews.save(new ClosureReview(dropoutCase, step.actor(), taken == ClosureDecision.APPROVE, reviewComment));
    return taken;
  }
}
