package cn.baoxue.org;

import cn.baoxue.kernel.identity.OpenWork;
import cn.baoxue.kernel.identity.StaffRole;
import cn.baoxue.kernel.identity.Staff;
import cn.baoxue.org.ImportOutcome.BadRow;
import cn.baoxue.web.UploadedTable;
import cn.baoxue.web.UploadedTable.Line;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads staff accounts from a file (工作人员账号导入): one Camunda user per row, in the groups of
 * her role at her unit. Every row is checked before anything is written; one bad row refuses the
 * whole file. A good file creates the new accounts with their initial passwords and brings
 * existing ones' name, unit and role up to date, in one transaction, without touching their
 * passwords.
 */
@Service
public class StaffImport {

  private static final Logger log = LoggerFactory.getLogger(StaffImport.class);
  /** Camunda's ACT_ID_USER.ID_ column. */
  private static final int MAX_USER_ID_LENGTH = 64;
  private static final int MAX_NAME_LENGTH = 50;

  private record CheckedStaff(
      String userId, String name, StaffRole role, OrgUnit unit, String initialPassword, String mobile, String wecomUserId) {}

  private final OrgUnitRepository units;
  private final StaffAccounts accounts;
  private final StaffGroups staffGroups;
  private final StaffContacts contacts;
  private final PasswordPolicyCheck passwordPolicy;
  private final OpenWork openWork;
  private final Pattern userIdPattern;
  private final int maxRows;
  private final int maxColumns;

  StaffImport(
      OrgUnitRepository units,
      StaffAccounts accounts,
      StaffGroups staffGroups,
      StaffContacts contacts,
      PasswordPolicyCheck passwordPolicy,
      OpenWork openWork,
      ProcessEngineConfigurationImpl engineConfiguration,
      @Value("${baoxue.imports.max-rows}") int maxRows,
      @Value("${baoxue.imports.max-columns}") int maxColumns) {
    this.units = units;
    this.accounts = accounts;
    this.staffGroups = staffGroups;
    this.contacts = contacts;
    this.passwordPolicy = passwordPolicy;
    this.openWork = openWork;
    this.userIdPattern = Pattern.compile(userIdPattern(engineConfiguration));
    this.maxRows = maxRows;
    this.maxColumns = maxColumns;
  }

  /** The ids the engine accepts for users: it refuses any other when the user is saved. */
  private static String userIdPattern(ProcessEngineConfigurationImpl engine) {
    if (engine.getUserResourceWhitelistPattern() != null && !engine.getUserResourceWhitelistPattern().isBlank()) {
      return engine.getUserResourceWhitelistPattern();
    }
    if (engine.getGeneralResourceWhitelistPattern() != null && !engine.getGeneralResourceWhitelistPattern().isBlank()) {
      return engine.getGeneralResourceWhitelistPattern();
    }
    return "[a-zA-Z0-9]+|camunda-admin";
  }

  @Transactional
  public ImportOutcome importFile(byte[] content) {
    List<Line<StaffColumn>> lines = UploadedTable.read(content, maxRows, maxColumns, StaffColumn.class, "工作人员账号", "人员");
    List<BadRow> bad = new ArrayList<>();
    List<CheckedStaff> good = new ArrayList<>();
    Map<String, Integer> firstLineOf = new HashMap<>();
    for (Line<StaffColumn> line : lines) {
      List<String> problems = new ArrayList<>();
      CheckedStaff staff = check(line, problems);
      String userId = line.get(StaffColumn.USER_ID);
      if (userId != null) {
        Integer first = firstLineOf.putIfAbsent(userId.toLowerCase(Locale.ROOT), line.lineNumber());
        if (first != null) {
          problems.add("用户名与第" + first + "行重复，同一人在文件中只能出现一次");
        }
      }
      if (problems.isEmpty()) {
        good.add(staff);
      } else {
        bad.add(new BadRow(line.lineNumber(), userId, line.get(StaffColumn.NAME), problems));
      }
    }
    if (!bad.isEmpty()) {
      return ImportOutcome.refused(lines.size(), bad);
    }
    // principals and auditors exist once per installation; a county without demo data has none yet.
    staffGroups.ensureRoleGroups();
    int created = 0;
    for (CheckedStaff staff : good) {
      if (accounts.enrol(staff.userId(), staff.name(), staff.role(), staff.unit(), staff.initialPassword())) {
        created++;
      }
      contacts.record(staff.userId(), staff.mobile(), staff.wecomUserId());
    }
    log.info("Staff accounts imported: {} rows, {} new, {} updated", lines.size(), created, good.size() - created);
    return new ImportOutcome(true, lines.size(), created, good.size() - created, List.of());
  }

  private CheckedStaff check(Line<StaffColumn> line, List<String> problems) {
    String userId = line.get(StaffColumn.USER_ID);
    String name = line.get(StaffColumn.NAME);
    if (userId == null) {
      problems.add("用户名不能为空");
    } else if (userId.length() > MAX_USER_ID_LENGTH || !userIdPattern.matcher(userId).matches()) {
      problems.add("用户名只能由英文字母、数字、下划线和连字符组成，最长" + MAX_USER_ID_LENGTH + "个字符，不能有空格或汉字：" + userId);
      userId = null;
    }
    if (name == null) {
      problems.add("姓名不能为空");
    } else if (name.length() > MAX_NAME_LENGTH) {
      problems.add("姓名不能超过" + MAX_NAME_LENGTH + "个字");
    }
    StaffRole role = role(line.get(StaffColumn.ROLE), problems);
    OrgUnit unit = unit(line.get(StaffColumn.UNIT_CODE), role, problems);
    // Moving someone to another unit takes her out of the old one: her open work is handed over first.
    if (userId != null && role != null && unit != null && accounts.exists(userId)
        && !accounts.workGroupsLeft(userId, role, unit).isEmpty()) {
      long held = openWork.heldBy(userId);
      if (held > 0) {
        problems.add("该人员仍有 " + held + " 项未办结的待办、包保个案或结对关爱，调离原单位前请先由其所在乡镇或系统管理员在“包保工作量”中办理工作交接");
      }
    }
    String password = line.values().get(StaffColumn.INITIAL_PASSWORD);
    if (userId != null && !accounts.exists(userId)) {
      if (password == null || password.isEmpty()) {
        problems.add("新账号的初始密码不能为空");
      } else {
        List<String> violations = passwordPolicy.violations(userId, name, password);
        if (!violations.isEmpty()) {
          problems.add("初始密码不符合密码策略：" + String.join("；", violations));
        }
      }
    }
    String mobile = line.get(StaffColumn.MOBILE);
    if (mobile != null && !StaffContacts.MOBILE.matcher(mobile).matches()) {
      problems.add("手机号应为11位手机号码（如 13800000000）：" + mobile);
    }
    String wecomUserId = line.get(StaffColumn.WECOM_USER_ID);
    if (wecomUserId != null && !StaffContacts.WECOM_USER_ID.matcher(wecomUserId).matches()) {
      problems.add("企业微信账号只能由英文字母、数字和 _ - . @ 组成，最长64个字符：" + wecomUserId);
    }
    return new CheckedStaff(userId, name, role, unit, password, mobile, wecomUserId);
  }

  private static StaffRole role(String label, List<String> problems) {
    if (label == null) {
      problems.add("角色不能为空（" + StaffRole.labels() + "）");
      return null;
    }
    StaffRole role = StaffRole.ofLabel(label).orElse(null);
    if (role == null) {
      problems.add("未知的角色：" + label + "（应为" + StaffRole.labels() + "）");
    }
    return role;
  }

  private OrgUnit unit(String code, StaffRole role, List<String> problems) {
    if (code == null) {
      problems.add("单位代码不能为空");
      return null;
    }
    OrgUnit unit = units.findById(code).orElse(null);
    if (unit == null) {
      problems.add("单位代码" + code + "不存在，请先导入组织机构");
    } else if (role != null && unit.getType() != role.unitType()) {
      problems.add("角色“" + role.label() + "”须属于" + role.unitType().label() + "，" + unit.getName() + "（" + code + "）是"
          + unit.getType().label());
    }
    return unit;
  }
}
