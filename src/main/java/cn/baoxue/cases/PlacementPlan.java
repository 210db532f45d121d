package cn.baoxue.cases;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

/** The return plan for this child (一人一案). */
@Entity
@Table(name = "placement_plan")
public class PlacementPlan extends CaseRecord {

  @Enumerated(EnumType.STRING)
  @Column(name = "placement")
  private Placement placement;

  @Column(name = "plan")
  private String plan;

  protected PlacementPlan() {}

  PlacementPlan(DropoutCase dropoutCase, String recordedBy, Placement placement, String plan) {
    super(dropoutCase, recordedBy);
    this.placement = placement;
    this.plan = plan;
  }

  public Placement getPlacement() {
    return placement;
  }

  public String getPlan() {
    return plan;
  }
}
