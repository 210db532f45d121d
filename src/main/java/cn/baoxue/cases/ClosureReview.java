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

  public String getComment() {
    return comment;
  }
}
