package cn.baoxue.reconciliation;

import cn.baoxue.kernel.identity.Staff;
import cn.baoxue.kernel.time.BeijingTime;
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
 * The template of each registry file (户籍, 学籍, 在校情况, 脱贫/监测户, 残联): the columns
 * {@link RegistryStaging} reads, one example row, and the code sheet with what each column accepts
 * and the codes of the user's own villages and schools.
 */
@Component
class RegistryTemplates {

  private final UnitsInReach units;

  RegistryTemplates(UnitsInReach units) {
    this.units = units;
  }

  static String fileName(Registry registry) {
    return "四查三比对-" + registry.label().replace("/", "") + "模板";
  }

  ImportTemplate of(Registry registry, Staff staff) {
    List<Unit> schools = units.schools(staff.jurisdiction());
    List<Unit> villages = units.villages(staff.jurisdiction());
    String school = schools.isEmpty() ? "5306270001" : schools.get(0).code();
    String village = villages.isEmpty() ? "530627205201" : villages.get(0).code();
    LocalDate birth = BeijingTime.today().minusYears(9).withMonth(3).withDayOfMonth(15);
    // An even 17th digit: a girl, as the example row says.
    String idNumber = IdNumber.withCheckDigit(village.substring(0, 6) + birth.toString().replace("-", "") + "002");
    String example = UploadedTable.EXAMPLE_MARK;
    ImportTemplate template = switch (registry) {
      case HOUSEHOLD -> ImportTemplate.of("户籍", headers(HouseholdColumn.values()),
              List.of("张小梅" + example, idNumber, "女", birth, village, "张大山", "13800000000"))
          .textColumns("身份证号", "户籍村代码", "联系电话")
          .code("性别", "男", "须与身份证号第17位一致（单数为男）")
          .code("性别", "女", "须与身份证号第17位一致（双数为女）")
          .code("出生日期", "2016-02-25", "也可写作 2016/2/25、2016年2月25日、20160225 或 Excel 日期；须与身份证号一致");
      case ENROLMENT -> {
        ImportTemplate t = ImportTemplate.of("学籍", headers(EnrolmentColumn.values()),
                List.of("张小梅" + example, idNumber, "G" + idNumber, school, "3", EnrolmentStanding.ENROLLED.label(), ""))
            .textColumns("身份证号", "学籍号", "学校代码");
        for (EnrolmentStanding standing : EnrolmentStanding.values()) {
          t.code("学籍状态", standing.label(), switch (standing) {
            case ENROLLED -> "在校就读";
            case SUSPENDED -> "休学：请在“状态说明”中写明原因（如因病休学），未写原因的列为名在人不在";
            case DEFERRED -> "经批准延缓入学，不列为未入学";
            case HOME_TEACHING -> "残疾儿童送教上门，视为已安置";
            case GRADUATED, COMPLETED -> "已完成义务教育，不再比对";
            case TRANSFERRED_OUT -> "已转出，本校不再有其学籍";
          });
        }
        for (int grade = 1; grade <= 9; grade++) {
          t.code("年级", String.valueOf(grade), grade <= 6 ? "小学" + grade + "年级" : "初中" + (grade - 6) + "年级（也可写初" + "一二三".charAt(grade - 7) + "）");
        }
        yield t;
      }
      case ATTENDANCE -> ImportTemplate.of("在校情况", headers(AttendanceColumn.values()),
              List.of(idNumber + example, school, BeijingTime.today().minusDays(1)))
          .textColumns("身份证号", "学校代码")
          .code("最后到校日期", "2026-11-30", "本学期最后一次到校的日期；本学期开学后未到校的学生列为名在人不在");
      case POVERTY -> ImportTemplate.of("脱贫监测户", headers(PovertyColumn.values()),
              List.of(idNumber + example, "张大山", PovertyCategory.LIFTED.label()))
          .textColumns("身份证号")
          .code("类别", PovertyCategory.LIFTED.label(), "脱贫户家庭成员")
          .code("类别", PovertyCategory.MONITORED.label(), "防返贫监测对象家庭成员");
      case DISABILITY -> ImportTemplate.of("残联", headers(DisabilityColumn.values()),
              List.of(idNumber + example, "张小梅", "肢体", "二级"))
          .textColumns("身份证号")
          .code("残疾类别", "视力、听力、言语、肢体、智力、精神、多重", "按残疾人证填写")
          .code("等级", "一级至四级", "选填");
    };
    template.code("身份证号", "18位身份证号", "必填，末位可为X（大小写均可）；本列已设为文本格式，请勿改为数字");
    if (registry == Registry.HOUSEHOLD) {
      for (Unit unit : villages) {
        template.code("户籍村代码", unit.code(), unit.within() + unit.name());
      }
    }
    if (registry == Registry.ENROLMENT || registry == Registry.ATTENDANCE) {
      for (Unit unit : schools) {
        template.code("学校代码", unit.code(), unit.name() + "（" + unit.within() + "）");
      }
      template.code("学校代码", "外县学校代码", "外县学校照填其10位学校标识码：其学籍列为在外县就读");
    }
    return template;
  }

  private static List<String> headers(RegistryColumn[] columns) {
    return Arrays.stream(columns).map(RegistryColumn::header).toList();
  }
}
