package cn.baoxue.web;

import cn.baoxue.kernel.identity.GroupIds;
import cn.baoxue.kernel.identity.GroupIds.Kind;
import cn.baoxue.kernel.identity.Jurisdiction;
import cn.baoxue.kernel.identity.Staff;
import cn.baoxue.kernel.time.BeijingTime;
import cn.baoxue.security.WithoutEngineAuthorization;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The login page and the home page of each role: what the role does (its 待办, what is overdue,
 * its cases, its reports) and only the pages it may use. What a role may open is the security
 * configuration's and the engine's (docs/security-matrix.md); {@code HomePageTests} opens every link
 * of every role's home page as that role.
 */
@Controller
class HomeController {

  /** One way into a page, with what it is for. */
  record Link(String label, String href, String hint) {}

  static final String TASKLIST = "/camunda/app/tasklist/default/";
  static final String COCKPIT = "/camunda/app/cockpit/default/";
  static final String ADMIN = "/camunda/app/admin/default/";

  private final TaskService taskService;
  private final JdbcClient jdbc;
  private final WithoutEngineAuthorization withoutEngineAuthorization;

  HomeController(TaskService taskService, JdbcClient jdbc, WithoutEngineAuthorization withoutEngineAuthorization) {
    this.taskService = taskService;
    this.jdbc = jdbc;
    this.withoutEngineAuthorization = withoutEngineAuthorization;
  }

  @GetMapping("/login")
  String login() {
    return "login";
  }

  @GetMapping("/")
  String home(Staff staff, Model model) {
    Set<Kind> kinds = kinds(staff);
    // A county department (联控联保) answers its referrals on their own page: no Tasklist, no case ledger.
    boolean departmentOnly = kinds.contains(Kind.DEPARTMENT)
        && kinds.stream().filter(Kind::givesWork).allMatch(kind -> kind == Kind.DEPARTMENT);
    model.addAttribute("department", departmentOnly);
    if (departmentOnly) {
      model.addAttribute("works", false);
      model.addAttribute("admin", false);
      model.addAttribute("auditor", false);
      model.addAttribute("links", List.of(new Link("联控联保转介", "/referrals", "乡镇、县教育局请本部门协助的个案：受理或拒收，办理并反馈")));
      return "home";
    }
    boolean works = kinds.stream().anyMatch(Kind::givesWork) && !staff.isAdmin();
    model.addAttribute("works", works);
    model.addAttribute("admin", staff.isAdmin());
    model.addAttribute("auditor", kinds.stream().anyMatch(Kind::audits) && !works && !staff.isAdmin());
    if (works) {
      model.addAttribute("todo", withoutEngineAuthorization.call(() -> myTasks(staff).count()));
      model.addAttribute("overdue", withoutEngineAuthorization.call(
          () -> myTasks(staff).dueBefore(BeijingTime.toDate(BeijingTime.now())).count()));
    }
    model.addAttribute("openCases", openCases(staff.jurisdiction(), false));
    model.addAttribute("escalatedCases", openCases(staff.jurisdiction(), true));
    model.addAttribute("links", links(staff, kinds, works));
    return "home";
  }

  /** Tasks the user holds or may take: hers, and those offered to her groups that nobody has taken. */
  private TaskQuery myTasks(Staff staff) {
    TaskQuery query = taskService.createTaskQuery().active();
    if (staff.groupIds().isEmpty()) {
      return query.taskAssignee(staff.userId());
    }
    return query.or().taskAssignee(staff.userId()).taskCandidateGroupIn(staff.groupIds()).endOr();
  }

  private long openCases(Jurisdiction jurisdiction, boolean escalatedOnly) {
    Jurisdiction.SqlScope scope = jurisdiction.sqlScope("school_code", "village_code", "township_code", "county_code");
    var statement = jdbc.sql("select count(*) from dropout_case where closed_at is null"
        + (escalatedOnly ? " and escalated = true" : "") + " and " + scope.condition());
    for (var parameter : scope.params().entrySet()) {
      statement = statement.param(parameter.getKey(), parameter.getValue());
    }
    return statement.query(Long.class).single();
  }

  private static Set<Kind> kinds(Staff staff) {
    Set<Kind> kinds = EnumSet.noneOf(Kind.class);
    staff.groupIds().forEach(group -> kinds.add(GroupIds.kindOf(group)));
    return kinds;
  }

  /** The pages of the role, in the order of its work; none it may not open or use. */
  private static List<Link> links(Staff staff, Set<Kind> kinds, boolean works) {
    boolean admin = staff.isAdmin();
    boolean school = kinds.contains(Kind.SCHOOL);
    boolean township = kinds.contains(Kind.TOWNSHIP);
    boolean county = kinds.contains(Kind.COUNTY);
    boolean auditor = kinds.stream().anyMatch(Kind::audits);
    // Cockpit cannot keep to a county: only the deployment's auditors open it.
    boolean everywhereAuditor = kinds.contains(Kind.AUDITORS);
    boolean countyAuditor = staff.groupIds().stream()
        .anyMatch(group -> GroupIds.kindOf(GroupIds.auditedGroup(group)) == Kind.COUNTY);
    List<Link> links = new ArrayList<>();
    if (works) {
      links.add(new Link("我的待办", TASKLIST, school ? "办理任务；上报疑似辍学学生：点“启动流程”，选“控辍保学个案”" : "办理分给我和本单位的任务"));
    }
    links.add(new Link("辍学个案", "/cases", "本辖区的案件，每件的办理记录"));
    links.add(new Link("三本台账", "/ledgers/children", "适龄儿童、疑似辍学、辍学台账，可导出"));
    if (school || county || admin) {
      links.add(new Link("花名册导入", "/imports/roster", "上传学校花名册，登记适龄儿童"));
    }
    if (township || county || auditor) {
      links.add(new Link("四查三比对", "/reconciliations", auditor ? "各次比对的文件摘要与查出的儿童（只读）"
          : "比对户籍、学籍、在校、脱贫/监测户、残联名单，查出未入学、名在人不在的儿童"));
    }
    if (school || township || county || admin) {
      links.add(new Link("学籍异动", "/students/changes", school ? "转学、休学等学籍变动，转学申请" : "辖区学籍变动，转学申请的同意"));
    }
    if (kinds.contains(Kind.DEPARTMENT)) {
      links.add(new Link("联控联保转介", "/referrals", "发给本部门的转介：受理或拒收，办理并反馈"));
    }
    if (township || county || auditor || admin) {
      links.add(new Link("包保工作量", "/caseload",
          township || admin ? "各包保人的个案和待办、各村未结个案；人员离职调动时办理工作交接" : "各包保人的个案和待办、各村未结个案"));
    }
    if (works || auditor) {
      links.add(new Link("结对关爱", "/care", township || county
          ? "孤儿、事实无人抚养儿童、重度残疾人、特困家庭的结对帮扶人和关爱记录；建立结对"
          : auditor ? "本辖区的结对关爱和关爱记录（只读）" : "我结对关爱的对象，登记电话、走访、落实政策、资助等关爱记录"));
    }
    boolean aboveCounty = kinds.contains(Kind.PREFECTURE) || kinds.contains(Kind.PROVINCE);
    if (county || aboveCounty || auditor || admin) {
      links.add(new Link("季度复核", "/rechecks", county ? "每季度抽取已销号、非辍学的案件复核，确认率与重新立案的案件" : "各县季度复核的样本、结论与确认率（只读）"));
    }
    if (school || township || county || auditor) {
      links.add(new Link("辍学风险台账", "/at-risk", school
          ? "动摇生、家困生、学困生：按缺勤、成绩、特殊群体、教师观察计分，校长确认后一对一帮扶"
          : "辖区学校的风险预警、确认与误报、预防帮扶计划"));
    }
    if (works || auditor) {
      boolean experts = kinds.contains(Kind.EXPERTS);
      links.add(new Link("残疾儿童安置与送教上门", "/placement", experts ? "本县残疾儿童的评估与安置：随班就读、特教学校、送教上门、延缓入学"
          : township || county ? "登记适龄残疾儿童，查看专家委员会的安置和送教上门记录"
          : auditor ? "本辖区残疾儿童的安置和送教记录（只读）" : "我负责的送教上门儿童：登记每次送教"));
    }
    if (county || everywhereAuditor || countyAuditor || admin) {
      links.add(new Link("疑似重复的儿童记录", "/children/duplicates", county ? "同名同生日同监护人或同村的两条记录，核实后合并为一人一档" : "全县疑似重复的儿童记录（只读）"));
    }
    // A unit's own reports: the page is its unit's, so it is offered to those who report for one.
    if (school || township || county || aboveCounty) {
      links.add(new Link("报表报送", "/unit-reports", "本单位按期报送的报表（零报告也须报送），下级单位的报送情况，正式报表下载"));
    }
    links.add(new Link("统计与报表", "/reports/dashboard",
        school ? "本校统计，下载月报" : county ? "全县统计，下载月报、季报" : "本辖区统计与月报、季报"));
    if (township || county || auditor || admin) {
      links.add(new Link(auditor ? "案件检索与办理记录（督导审计）" : "案件检索与办理记录", "/audit/cases", "按编号、姓名、单位、逾期检索，查看与导出办理记录"));
    }
    if (everywhereAuditor || admin) {
      links.add(new Link("流程监控", COCKPIT, admin ? "流程实例、定时作业与故障处理" : "查看各案件流程进度（只读）"));
    }
    if (admin) {
      links.add(new Link("用户与权限", ADMIN, "工作人员账号、用户组与授权"));
      links.add(new Link("组织机构导入（县、乡镇、村、学校）", "/admin/org", "上传县、乡镇、村、学校的代码与名称"));
      links.add(new Link("工作人员账号导入", "/admin/staff", "批量开通账号"));
      links.add(new Link("通知发送情况", "/admin/notifications", "短信、企业微信发送失败的通知，重新发送"));
    }
    return links;
  }
}
