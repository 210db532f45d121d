package cn.baoxue.cases;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

/** One rung of persuasion worked (劝返记录), and whether the child came back. */
@Entity
@Table(name = "persuasion_attempt")
public class PersuasionAttempt extends CaseRecord {

  @Enumerated(EnumType.STRING)
  @Column(name = "rung")
  private PersuasionRung rung;

  @Enumerated(EnumType.STRING)
  @Column(name = "result")
  private PersuasionResult result;

  @Column(name = "notes")
  private String notes;

  protected PersuasionAttempt() {}

  PersuasionAttempt(DropoutCase dropoutCase, String recordedBy, PersuasionRung rung, PersuasionResult result, String notes) {
    super(dropoutCase, recordedBy);
    this.rung = rung;
    this.result = result;
    this.notes = notes;
  }

  public PersuasionRung getRung() {
    return rung;
  }

  public PersuasionResult getResult() {
    return result;
  }

  public String getNotes() {
    return notes;
  }
}
