package cn.baoxue.cases;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** The one-to-one helper pair on both lines (双线包保): a teacher and a village cadre, optionally a women's federation cadre. */
@Entity
@Table(name = "helper_assignment")
public class HelperAssignment extends CaseRecord {

  @Column(name = "teacher_helper")
  private String teacherHelper;

  @Column(name = "cadre_helper")
  private String cadreHelper;

  @Column(name = "womenfed_helper")
  private String womenfedHelper;

  protected HelperAssignment() {}

  HelperAssignment(DropoutCase dropoutCase, String recordedBy, String teacherHelper, String cadreHelper, String womenfedHelper) {
    super(dropoutCase, recordedBy);
    this.teacherHelper = teacherHelper;
    this.cadreHelper = cadreHelper;
    this.womenfedHelper = womenfedHelper;
  }

  public String getTeacherHelper() {
    return teacherHelper;
  }

  public String getCadreHelper() {
    return cadreHelper;
  }

  public String getWomenfedHelper() {
    return womenfedHelper;
  }
}
