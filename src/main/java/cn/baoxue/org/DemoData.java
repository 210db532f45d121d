package cn.baoxue.org;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo organisation of 镇雄县 (seed 000: 尖山乡长安村小学 and 南台小学) and one user per role,
 * all with the password {@code baoxue.demo.password} ("demo" unless a staging run sets a real one; the
 * {@code prod} profile refuses to start with "demo"). Loaded only when {@code baoxue.demo.enabled} is
 * true; idempotent, so a restart neither duplicates nor resets anything. An admin account that
 * {@link AdminAccount} created first is left as it is.
 */
@Component
@Order(10)
@ConditionalOnProperty(name = "baoxue.demo.enabled", havingValue = "true")
public class DemoData implements ApplicationRunner {

  /** The well-known password of the demo accounts, which no production run may use. */
  public static final String DEFAULT_PASSWORD = "demo";
  private static final Logger log = LoggerFactory.getLogger(DemoData.class);

  private record DemoUser(String id, String lastName, String firstName, List<String> groups) {}

  private static final List<DemoUser> USERS =
      List.of(
          new DemoUser("teacher-changan", "李", "明华", List.of("school_5306270001")),
          new DemoUser("principal-changan", "王", "建国", List.of("school_5306270001", GroupIds.PRINCIPALS)),
          new DemoUser("teacher-nantai", "张", "丽", List.of("school_5306270002")),
          new DemoUser("teacher-jianshan", "陈", "志强", List.of("school_5306270003")),
          new DemoUser("cadre-changan", "杨", "国富", List.of("village_530627205201")),
          new DemoUser("cadre-nantai", "刘", "德海", List.of("village_530627104201")),
          new DemoUser("official-jianshan", "赵", "文斌", List.of("township_530627205")),
          new DemoUser("official-nantai", "孙", "红梅", List.of("township_530627104")),
          new DemoUser("bureau-zhenxiong", "周", "正华", List.of("county_530627")),
          new DemoUser("womenfed-zhenxiong", "吴", "秀英", List.of("womenfed_530627")),
          new DemoUser("auditor", "郑", "平", List.of(GroupIds.AUDITORS)),
          new DemoUser("admin", "系统", "管理员", List.of(GroupIds.ADMINS)));

  private final OrgUnitService orgUnits;
  private final StaffGroups staffGroups;
  private final IdentityService identityService;
  private final String password;

  public DemoData(
      OrgUnitService orgUnits,
      StaffGroups staffGroups,
      IdentityService identityService,
      @Value("${baoxue.demo.password}") String password) {
    this.orgUnits = orgUnits;
    this.staffGroups = staffGroups;
    this.identityService = identityService;
    this.password = password;
  }

  /** The ids of the demo accounts, for the production start-up check. */
  public static List<String> userIds() {
    return USERS.stream().map(DemoUser::id).toList();
  }

  @Transactional
  public void run(ApplicationArguments args) {
    orgUnits.register("530627", "镇雄县", OrgUnitType.COUNTY, null);
    orgUnits.register("530627205", "尖山乡", OrgUnitType.TOWNSHIP, "530627");
    orgUnits.register("530627104", "南台镇", OrgUnitType.TOWNSHIP, "530627");
    orgUnits.register("530627205201", "长安村", OrgUnitType.VILLAGE, "530627205");
    orgUnits.register("530627104201", "南台村", OrgUnitType.VILLAGE, "530627104");
    orgUnits.register("5306270001", "长安村小学", OrgUnitType.SCHOOL, "530627205201");
    orgUnits.register("5306270002", "南台小学", OrgUnitType.SCHOOL, "530627104201");
    orgUnits.register("5306270003", "尖山中学", OrgUnitType.SCHOOL, "530627205201");
    staffGroups.ensureRoleGroups();
    for (DemoUser demo : USERS) {
      if (identityService.createUserQuery().userId(demo.id()).count() == 0) {
        User user = identityService.newUser(demo.id());
        user.setLastName(demo.lastName());
        user.setFirstName(demo.firstName());
        user.setPassword(password);
        user.setEmail(demo.id() + "@demo.baoxue.cn");
        identityService.saveUser(user);
      }
      demo.groups().forEach(groupId -> staffGroups.addMember(demo.id(), groupId));
    }
    log.info("Demo organisation 镇雄县 and {} demo users are in place", USERS.size());
  }
}
