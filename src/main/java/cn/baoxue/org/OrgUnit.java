package cn.baoxue.org;

import cn.baoxue.kernel.identity.OrgUnitType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A node of the jurisdiction tree (县 / 乡镇 / 村) or a school (学校) in a village. */
@Entity
@Table(name = "org_unit")
public class OrgUnit {

  @Id private String code;

  @Column(nullable = false)
  private String name;

  @Enumerated(EnumType.STRING)
  @Column(name = "unit_type", nullable = false)
  private OrgUnitType type;

  @Column(name = "parent_code")
  private String parentCode;

  protected OrgUnit() {}

  public OrgUnit(String code, String name, OrgUnitType type, String parentCode) {
    this.code = code;
    this.name = name;
    this.type = type;
    this.parentCode = parentCode;
  }

  public String getCode() {
    return code;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public OrgUnitType getType() {
    return type;
  }

  public String getParentCode() {
    return parentCode;
  }

  /** 撤并 or re-zoning: the unit now belongs to another parent of the same level. */
  public void setParentCode(String parentCode) {
    this.parentCode = parentCode;
  }
}
