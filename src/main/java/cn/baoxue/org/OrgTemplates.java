package cn.baoxue.org;

import cn.baoxue.kernel.identity.OrgUnitType;
import cn.baoxue.kernel.identity.StaffRole;
import cn.baoxue.org.UnitsInReach.Unit;
import cn.baoxue.web.ImportTemplate;
import cn.baoxue.web.UploadedTable;
import java.util.Arrays;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The templates of the administrator's imports: org units (组织机构导入模板) and staff accounts
 * (工作人员账号导入模板), each with its code sheet: the unit types and roles in Chinese, and every
 * unit already known with its code and name.
 */
@Component
class OrgTemplates {

  static final String ORG_FILE_NAME = "组织机构导入模板";
  static final String STAFF_FILE_NAME = "工作人员账号导入模板";

  private final UnitsInReach units;

  OrgTemplates(UnitsInReach units) {
    this.units = units;
  }

  ImportTemplate orgUnits() {
    List<Unit> known = units.all();
    String village = known.stream().filter(u -> u.type() == OrgUnitType.VILLAGE).map(Unit::code).findFirst().orElse("530627205201");
    List<String> headers = Arrays.stream(OrgUnitColumn.values()).map(OrgUnitColumn::header).toList();
    ImportTemplate template = ImportTemplate.of("组织机构", headers,
            List.of(OrgUnitType.SCHOOL.label(), "5306270099", "希望小学" + UploadedTable.EXAMPLE_MARK, village))
        .textColumns(OrgUnitColumn.CODE.header(), OrgUnitColumn.PARENT_CODE.header());
    for (OrgUnitType type : OrgUnitType.values()) {
      template.code(OrgUnitColumn.TYPE.header(), type.label(), "代码为" + type.codeLength() + "位数字，"
          + (type.parentType() == null ? "上级代码留空"
              : type.mayBeTop() ? "上级为所属" + type.parentType().label() + "（没有时留空）"
              : "上级为所属" + type.parentType().label())
          + (type == OrgUnitType.DEPARTMENT ? "；联控联保部门：县代码加两位部门编号，如 53062701 为镇雄县公安局" : ""));
    }
    template.code(OrgUnitColumn.NAME.header(), "单位全称", "如 尖山乡、长安村、长安村小学");
    return withUnits(template, OrgUnitColumn.PARENT_CODE.header(), known);
  }

  ImportTemplate staff() {
    List<Unit> known = units.all();
    String school = known.stream().filter(u -> u.type() == OrgUnitType.SCHOOL).map(Unit::code).findFirst().orElse("5306270001");
    List<String> headers = Arrays.stream(StaffColumn.values()).map(StaffColumn::header).toList();
    ImportTemplate template = ImportTemplate.of("工作人员", headers,
            List.of("zhang-xiaoli", "张晓丽" + UploadedTable.EXAMPLE_MARK, school, StaffRole.TEACHER.label(), "Jianshan#2026", "13800000000", "zhangxiaoli"))
        .textColumns(StaffColumn.UNIT_CODE.header(), StaffColumn.USER_ID.header(), StaffColumn.INITIAL_PASSWORD.header(),
            StaffColumn.MOBILE.header(), StaffColumn.WECOM_USER_ID.header())
        .code(StaffColumn.USER_ID.header(), "登录用的用户名", "只能由英文字母、数字、下划线和连字符组成，如 zhang-li")
        .code(StaffColumn.NAME.header(), "本人姓名", "姓在前，如 张丽");
    for (StaffRole role : StaffRole.values()) {
      template.code(StaffColumn.ROLE.header(), role.label(), "单位代码须为" + role.unitType().label());
    }
    template.code(StaffColumn.INITIAL_PASSWORD.header(), "初始密码",
        "新账号必填：至少10个字符，含大写字母、小写字母、数字和特殊字符，不含用户名或姓名；已有账号留空");
    template.code(StaffColumn.MOBILE.header(), "本人手机号", "可不填：填写后系统可用短信通知本人（待办、到期、督办）；留空则保留已登记的号码");
    template.code(StaffColumn.WECOM_USER_ID.header(), "企业微信账号", "可不填：本人在单位企业微信中的账号，填写后系统可用企业微信通知本人");
    return withUnits(template, StaffColumn.UNIT_CODE.header(), known);
  }

  private static ImportTemplate withUnits(ImportTemplate template, String column, List<Unit> known) {
    for (Unit unit : known) {
      template.code(column, unit.code(), unit.name() + "（" + unit.type().label()
          + (unit.within() == null ? "" : "，属" + unit.within()) + "）");
    }
    return template;
  }
}
