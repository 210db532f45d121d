package cn.baoxue.cases;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

/** A follow-up check on a returned child (跟踪回访). */
@Entity
@Table(name = "follow_up")
public class FollowUp extends CaseRecord {

  @Enumerated(EnumType.STRING)
  @Column(name = "result")
  private FollowUpResult result;

  @Column(name = "notes")
  private String notes;

  protected FollowUp() {}

  FollowUp(DropoutCase dropoutCase, String recordedBy, FollowUpResult result, String notes) {
    super(dropoutCase, recordedBy);
    this.result = result;
    this.notes = notes;
  }

  public FollowUpResult getResult() {
    return result;
  }

  public String getNotes() {
    return notes;
  }
}
