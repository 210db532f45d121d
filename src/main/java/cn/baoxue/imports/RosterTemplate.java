package cn.baoxue.imports;

import cn.baoxue.kernel.time.BeijingTime;
import cn.baoxue.cases.DropoutReason;
import cn.baoxue.cases.EnrolmentStatus;
import cn.baoxue.cases.SpecialGroup;
import cn.baoxue.kernel.identity.Staff;
import cn.baoxue.kernel.validation.IdNumber;
import cn.baoxue.org.UnitsInReach;
import cn.baoxue.org.UnitsInReach.Unit;
import cn.baoxue.web.ImportTemplate;
import cn.baoxue.web.UploadedTable;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The roster template (花名册模板): the columns {@link RosterImportService} reads, one example
 * row, and the code sheet with every value a coded column accepts and the codes of the user's
 * schools and villages with their names.
 */
@Component
class RosterTemplate {

  static final String FILE_NAME = "花名册导入模板";
  private static final String[] GRADES = {"一", "二", "三", "四", "五", "六", "七", "八", "九"};

  private final UnitsInReach units;

  RosterTemplate(UnitsInReach units) {
    this.units = units;
  }

  ImportTemplate of(Staff staff) {
    List<Unit> schools = units.schools(staff.jurisdiction());
    List<Unit> villages = units.villages(staff.jurisdiction());
    String school = schools.isEmpty() ? "5306270001" : schools.get(0).code();
    String village = villages.isEmpty() ? "530627205201" : villages.get(0).code();
    LocalDate birth = BeijingTime.today().minusYears(11).withMonth(3).withDayOfMonth(15);
    // An even 17th digit: a girl, as the example row says.
    String idNumber = IdNumber.withCheckDigit(village.substring(0, 6) + birth.toString().replace("-", "") + "002");
    List<String> headers = Arrays.stream(RosterColumn.values()).map(RosterColumn::header).toList();
    ImportTemplate template = ImportTemplate.of("花名册", headers, List.of(
            "张小梅" + UploadedTable.EXAMPLE_MARK, idNumber, "女", birth, school, "5", village, "张大山", "13800000000",
            EnrolmentStatus.DROPPED_OUT.label(), DropoutReason.WORK.label(),
            SpecialGroup.LEFT_BEHIND.label() + ";" + SpecialGroup.POOR_REGISTERED.label()))
        .textColumns(RosterColumn.ID_NUMBER.header(), RosterColumn.SCHOOL_CODE.header(), RosterColumn.VILLAGE_CODE.header(),
            RosterColumn.GUARDIAN_PHONE.header())
        .code(RosterColumn.NAME.header(), "学生本人姓名", "必填，少数民族姓名中的间隔号写作“·”")
        .code(RosterColumn.ID_NUMBER.header(), "18位身份证号", "必填，末位可为X；本列已设为文本格式，请勿改为数字，否则 Excel 会丢失后几位")
        .code(RosterColumn.GENDER.header(), "男", "须与身份证号第17位一致（单数为男）")
        .code(RosterColumn.GENDER.header(), "女", "须与身份证号第17位一致（双数为女）")
        .code(RosterColumn.BIRTH_DATE.header(), "2016-02-25",
            "也可写作 2016/2/25、2016.2.25、2016年2月25日、20160225，或 Excel 的日期格式；须与身份证号一致");
    for (int grade = 1; grade <= 9; grade++) {
      template.code(RosterColumn.GRADE.header(), String.valueOf(grade), GRADES[grade - 1] + "年级（" + (grade <= 6 ? "小学" : "初中") + "）");
    }
    for (Unit unit : schools) {
      template.code(RosterColumn.SCHOOL_CODE.header(), unit.code(), unit.name() + "（" + unit.within() + "）");
    }
    for (Unit unit : villages) {
      template.code(RosterColumn.VILLAGE_CODE.header(), unit.code(), unit.within() + unit.name());
    }
    template.code(RosterColumn.GUARDIAN_NAME.header(), "监护人姓名", "选填");
    template.code(RosterColumn.GUARDIAN_PHONE.header(), "手机或固定电话", "选填，7–20位数字，可含 + 和 -");
    // 已转出 is written by a transfer between schools, never by a roster.
    template.code(RosterColumn.ENROLMENT.header(), EnrolmentStatus.IN_SCHOOL.label(), "只登记，不建案件");
    template.code(RosterColumn.ENROLMENT.header(), EnrolmentStatus.SUSPECTED.label(), "登记并自动建立案件，由学校核实");
    template.code(RosterColumn.ENROLMENT.header(), EnrolmentStatus.DROPPED_OUT.label(), "登记并自动建立案件，须填辍学原因");
    for (DropoutReason reason : DropoutReason.values()) {
      template.code(RosterColumn.REASON.header(), reason.label(), "在校状态为疑似辍学或辍学时填写");
    }
    for (SpecialGroup group : SpecialGroup.values()) {
      template.code(RosterColumn.SPECIAL_GROUPS.header(), group.label(), "选填，可填多个，用“;”或“，”分隔");
    }
    return template;
  }
}
