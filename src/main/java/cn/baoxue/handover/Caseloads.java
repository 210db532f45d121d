package cn.baoxue.handover;

import cn.baoxue.kernel.identity.Jurisdiction;
import cn.baoxue.org.OrgTree;
import cn.baoxue.org.Roles;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who holds what (包保工作量): per helper, the open cases she is a helper of and the open tasks she
 * holds, overdue ones counted; per village, its open cases and their helpers. Read from the
 * engine's tables and the cases', within the reader's jurisdiction.
 */
@Service
public class Caseloads {

  private static final String HELPER_VARIABLES = OpenWorkQueries.HELPER_ROLES_SQL;

  private final JdbcClient jdbc;
  private final Roles roles;
  private final OrgTree orgTree;

  Caseloads(JdbcClient jdbc, Roles roles, OrgTree orgTree) {
    this.jdbc = jdbc;
    this.roles = roles;
    this.orgTree = orgTree;
  }

  /** One person's load: cases as helper, tasks assigned, tasks offered by name, of which overdue. */
  public record HelperLoad(String userId, String person, long cases, long assigned, long offered, long overdue) {}

  /** One village's open cases, 督办 among them, and the helpers on them by name. */
  public record VillageLoad(String villageCode, String village, String township, long openCases, long escalated, List<String> helpers) {}

  public record Caseload(List<HelperLoad> helpers, List<VillageLoad> villages) {}

  @Transactional(readOnly = true)
  public Caseload of(Jurisdiction reader) {
    Jurisdiction.SqlScope scope = reader.sqlScope("c.school_code", "c.village_code", "c.township_code", "c.county_code");
    // The engine writes due dates as instants in the JVM's zone; compare with the present instant.
    Timestamp now = new Timestamp(System.currentTimeMillis());
    Map<String, long[]> byPerson = new TreeMap<>();
    // Helper roles on open cases: the process's own variables, one per role.
    jdbc.sql("select v.TEXT_ as person, count(distinct c.id) as n from ACT_RU_VARIABLE v"
            + " join dropout_case c on c.process_instance_id = v.PROC_INST_ID_"
            + " where v.NAME_ in " + HELPER_VARIABLES + " and v.EXECUTION_ID_ = v.PROC_INST_ID_ and v.TEXT_ is not null"
            + " and c.open_student_id is not null and " + scope.condition() + " group by v.TEXT_")
        .params(scope.params())
        .query((rs, n) -> byPerson.computeIfAbsent(rs.getString("person"), k -> new long[4])[0] = rs.getLong("n"))
        .list();
    jdbc.sql("select t.ASSIGNEE_ as person, count(*) as n, sum(case when t.DUE_DATE_ < :now then 1 else 0 end) as late"
            + " from ACT_RU_TASK t join dropout_case c on c.process_instance_id = t.PROC_INST_ID_"
            + " where t.ASSIGNEE_ is not null and " + scope.condition() + " group by t.ASSIGNEE_")
        .params(scope.params()).param("now", now)
        .query((rs, n) -> {
          long[] load = byPerson.computeIfAbsent(rs.getString("person"), k -> new long[4]);
          load[1] = rs.getLong("n");
          load[3] += rs.getLong("late");
          return load;
        })
        .list();
    jdbc.sql("select i.USER_ID_ as person, count(*) as n, sum(case when t.DUE_DATE_ < :now then 1 else 0 end) as late"
            + " from ACT_RU_IDENTITYLINK i join ACT_RU_TASK t on t.ID_ = i.TASK_ID_"
            + " join dropout_case c on c.process_instance_id = t.PROC_INST_ID_"
            + " where i.TYPE_ = 'candidate' and i.USER_ID_ is not null and t.ASSIGNEE_ is null and " + scope.condition()
            + " group by i.USER_ID_")
        .params(scope.params()).param("now", now)
        .query((rs, n) -> {
          long[] load = byPerson.computeIfAbsent(rs.getString("person"), k -> new long[4]);
          load[2] = rs.getLong("n");
          load[3] += rs.getLong("late");
          return load;
        })
        .list();
    List<HelperLoad> helpers = new ArrayList<>();
    byPerson.forEach((person, load) -> helpers.add(new HelperLoad(person, roles.person(person), load[0], load[1], load[2], load[3])));
    helpers.sort(Comparator.comparing(HelperLoad::cases).thenComparing(HelperLoad::assigned).reversed()
        .thenComparing(HelperLoad::person));

    Map<String, TreeSet<String>> helpersByVillage = new TreeMap<>();
    jdbc.sql("select distinct c.village_code as village, v.TEXT_ as person from ACT_RU_VARIABLE v"
            + " join dropout_case c on c.process_instance_id = v.PROC_INST_ID_"
            + " where v.NAME_ in " + HELPER_VARIABLES + " and v.EXECUTION_ID_ = v.PROC_INST_ID_ and v.TEXT_ is not null"
            + " and c.open_student_id is not null and " + scope.condition())
        .params(scope.params())
        .query((rs, n) -> helpersByVillage.computeIfAbsent(rs.getString("village"), k -> new TreeSet<>()).add(roles.name(rs.getString("person"))))
        .list();
    List<VillageLoad> villages = jdbc.sql("select c.village_code as village, c.township_code as township, count(*) as n,"
            + " sum(case when c.escalated then 1 else 0 end) as escalated from dropout_case c"
            + " where c.open_student_id is not null and " + scope.condition()
            + " group by c.village_code, c.township_code order by c.township_code, c.village_code")
        .params(scope.params())
        .query((rs, n) -> new VillageLoad(rs.getString("village"), orgTree.name(rs.getString("village")),
            orgTree.name(rs.getString("township")), rs.getLong("n"), rs.getLong("escalated"),
            List.copyOf(helpersByVillage.getOrDefault(rs.getString("village"), new TreeSet<>()))))
        .list();
    return new Caseload(helpers, villages);
  }
}
