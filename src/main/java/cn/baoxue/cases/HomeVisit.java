package cn.baoxue.cases;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.LocalDate;

/** A home visit by the helpers (入户家访): whom they met, where the child is, why she left. */
@Entity
@Table(name = "home_visit")
public class HomeVisit extends CaseRecord {

  @Column(name = "visit_date")
  private LocalDate visitDate;

  @Column(name = "met_with")
  private String metWith;

  @Enumerated(EnumType.STRING)
  @Column(name = "child_whereabouts")
  private ChildWhereabouts childWhereabouts;

  @Enumerated(EnumType.STRING)
  @Column(name = "reason")
  private DropoutReason reason;

  @Enumerated(EnumType.STRING)
  @Column(name = "family_attitude")
  private FamilyAttitude familyAttitude;

  @Column(name = "notes")
  private String notes;

  protected HomeVisit() {}

  HomeVisit(DropoutCase dropoutCase, String recordedBy, LocalDate visitDate, String metWith, ChildWhereabouts childWhereabouts, DropoutReason reason, FamilyAttitude familyAttitude, String notes) {
    super(dropoutCase, recordedBy);
    this.visitDate = visitDate;
    this.metWith = metWith;
    this.childWhereabouts = childWhereabouts;
    this.reason = reason;
    this.familyAttitude = familyAttitude;
    this.notes = notes;
  }

  public LocalDate getVisitDate() {
    return visitDate;
  }

  public String getMetWith() {
    return metWith;
  }

  public ChildWhereabouts getChildWhereabouts() {
    return childWhereabouts;
  }

  public DropoutReason getReason() {
    return reason;
  }

  public FamilyAttitude getFamilyAttitude() {
    return familyAttitude;
  }

  public String getNotes() {
    return notes;
  }
}
