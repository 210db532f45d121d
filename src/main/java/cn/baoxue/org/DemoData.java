package cn.baoxue.org;

import cn.baoxue.kernel.identity.StaffRole;
import cn.baoxue.kernel.identity.GroupIds;
import cn.baoxue.org.OrgUnitImport.UnitRow;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo organisation of 镇雄县 (seed 000: 尖山乡长安村小学 and 南台小学) and one user per role,
 * all with the password "demo" (the {@code prod} profile refuses to start with demo data). Loaded
 * only when {@code baoxue.demo.enabled} is true, through the same services as a county's own files (组织机构导入, 工作人员账号导入), so the
 * demo is what an import makes; idempotent, so a restart neither duplicates nor resets anything,
 * and an administrator that {@link AdminAccount} created first keeps her password. "demo" would
 * not pass the password policy that imported accounts must: demo accounts skip that one check.
 */
@Component
@Order(10)
@ConditionalOnProperty(name = "baoxue.demo.enabled", havingValue = "true")
public class DemoData implements ApplicationRunner {

  /** The well-known password of the demo accounts, which no production run may use. */
  public static final String DEFAULT_PASSWORD = "demo";
  private static final String ADMIN = "admin";
  private static final Logger log = LoggerFactory.getLogger(DemoData.class);

  private static final List<UnitRow> UNITS =
      List.of(
          new UnitRow(2, "省", "530000", "云南省", null),
          new UnitRow(3, "市", "530600", "昭通市", "530000"),
          new UnitRow(4, "县", "530627", "镇雄县", "530600"),
          new UnitRow(5, "乡镇", "530627205", "尖山乡", "530627"),
          new UnitRow(6, "乡镇", "530627104", "南台镇", "530627"),
          new UnitRow(7, "村", "530627205201", "长安村", "530627205"),
          new UnitRow(8, "村", "530627104201", "南台村", "530627104"),
          new UnitRow(9, "学校", "5306270001", "长安村小学", "530627205201"),
          new UnitRow(10, "学校", "5306270002", "南台小学", "530627104201"),
          new UnitRow(11, "学校", "5306270003", "尖山中学", "530627205201"),
          // The prefecture's other counties, one township, village and school each (昭通市: 镇雄、彝良、威信).
          new UnitRow(12, "县", "530628", "彝良县", "530600"),
          new UnitRow(13, "乡镇", "530628100", "角奎镇", "530628"),
          new UnitRow(14, "村", "530628100201", "发达村", "530628100"),
          new UnitRow(15, "学校", "5306280001", "角奎小学", "530628100201"),
          new UnitRow(16, "县", "530629", "威信县", "530600"),
          new UnitRow(17, "乡镇", "530629100", "扎西镇", "530629"),
          new UnitRow(18, "村", "530629100201", "石龙村", "530629100"),
          new UnitRow(19, "学校", "5306290001", "扎西小学", "530629100201"),
          // 镇雄县's departments for 联控联保 (baoxue.departments numbers them 01–07).
          new UnitRow(20, "部门", "53062701", "镇雄县公安局", "530627"),
          new UnitRow(21, "部门", "53062702", "镇雄县民政局", "530627"),
          new UnitRow(22, "部门", "53062703", "镇雄县人力资源和社会保障局", "530627"),
          new UnitRow(23, "部门", "53062704", "镇雄县残疾人联合会", "530627"),
          new UnitRow(24, "部门", "53062705", "镇雄县司法局", "530627"),
          new UnitRow(25, "部门", "53062706", "镇雄县妇女联合会", "530627"),
          new UnitRow(26, "部门", "53062707", "共青团镇雄县委", "530627"));

  private record DemoUser(String id, String name, StaffRole role, String unitCode) {}

  private static final List<DemoUser> USERS =
      List.of(
          new DemoUser("teacher-changan", "李明华", StaffRole.TEACHER, "5306270001"),
          new DemoUser("principal-changan", "王建国", StaffRole.PRINCIPAL, "5306270001"),
          new DemoUser("teacher-nantai", "张丽", StaffRole.TEACHER, "5306270002"),
          new DemoUser("teacher-jianshan", "陈志强", StaffRole.TEACHER, "5306270003"),
          new DemoUser("cadre-changan", "杨国富", StaffRole.VILLAGE_CADRE, "530627205201"),
          new DemoUser("cadre-nantai", "刘德海", StaffRole.VILLAGE_CADRE, "530627104201"),
          new DemoUser("official-jianshan", "赵文斌", StaffRole.TOWNSHIP_OFFICIAL, "530627205"),
          new DemoUser("official-nantai", "孙红梅", StaffRole.TOWNSHIP_OFFICIAL, "530627104"),
          new DemoUser("bureau-zhenxiong", "周正华", StaffRole.EDUCATION_BUREAU, "530627"),
          new DemoUser("womenfed-zhenxiong", "吴秀英", StaffRole.WOMEN_FEDERATION, "530627"),
          new DemoUser("auditor", "郑平", StaffRole.AUDITOR, "530627"),
          new DemoUser("bureau-zhaotong", "马丽华", StaffRole.PREFECTURE_BUREAU, "530600"),
          new DemoUser("auditor-zhaotong", "龚雪梅", StaffRole.PREFECTURE_AUDITOR, "530600"),
          new DemoUser("bureau-yunnan", "段志远", StaffRole.PROVINCE_DEPARTMENT, "530000"),
          new DemoUser("bureau-yiliang", "陶永福", StaffRole.EDUCATION_BUREAU, "530628"),
          new DemoUser("experts-zhenxiong", "何淑芬", StaffRole.EXPERT_COMMITTEE, "530627"),

          new DemoUser("police-zhenxiong", "罗海燕", StaffRole.DEPARTMENT_OFFICER, "53062701"));

  private final OrgUnitImport orgUnitImport;
  private final OrgUnitRepository units;
  private final StaffGroups staffGroups;
  private final StaffAccounts accounts;

  public DemoData(
      OrgUnitImport orgUnitImport,
      OrgUnitRepository units,
      StaffGroups staffGroups,
      StaffAccounts accounts) {
    this.orgUnitImport = orgUnitImport;
    this.units = units;
    this.staffGroups = staffGroups;
    this.accounts = accounts;
  }

  /** The codes of the demo org units. */
  public static List<String> unitCodes() {
    return UNITS.stream().map(UnitRow::code).toList();
  }

  /** The ids of the demo accounts, administrator included, for the production start-up check. */
  public static List<String> userIds() {
    List<String> ids = new ArrayList<>(USERS.stream().map(DemoUser::id).toList());
    ids.add(ADMIN);
    return ids;
  }

  @Transactional
  public void run(ApplicationArguments args) {
    ImportOutcome outcome = orgUnitImport.importRows(UNITS);
    if (!outcome.accepted()) {
      throw new IllegalStateException("Demo org units refused: " + outcome.badRows());
    }
    staffGroups.ensureRoleGroups();
    for (DemoUser demo : USERS) {
      accounts.enrol(demo.id(), demo.name(), demo.role(), units.findById(demo.unitCode()).orElseThrow(), DEFAULT_PASSWORD);
    }
    accounts.enrol(ADMIN, "系统管理员", List.of(GroupIds.ADMINS), DEFAULT_PASSWORD);
    log.info("Demo organisation (云南省 昭通市: 镇雄县 with its departments, 彝良县, 威信县) and {} demo users are in place", USERS.size() + 1);
  }
}
