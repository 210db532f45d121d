package cn.baoxue.cases;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** The township's decision on closing a case (销号审批). */
@Entity
@Table(name = "closure_review")
public class ClosureReview extends CaseRecord {

  @Column(name = "approved")
  private boolean approved;

  @Column(name = "comment")
  private String comment;

  protected ClosureReview() {}

  ClosureReview(DropoutCase dropoutCase, String recordedBy, boolean approved, String comment) {
    super(dropoutCase, recordedBy);
    this.approved = approved;
    this.comment = comment;
  }

  public boolean isApproved() {
    return approved;
  }

  /** The decision in the form's words: 同意销号 or 退回继续跟踪. */
  public ClosureDecision getDecision() {
    return approved ? ClosureDecision.APPROVE : ClosureDecision.RETURN;
  }

  /** The reason given (审批意见): required for a return, optional for an approval. */
  public String getComment() {
    return comment;
  }
}
