package cn.baoxue.operations;

import static org.assertj.core.api.Assertions.assertThat;

import cn.baoxue.testing.ApplicationNode;
import cn.baoxue.testing.CompletionStream;
import cn.baoxue.testing.DatabaseLink;
import cn.baoxue.testing.EngineRest;
import cn.baoxue.testing.PostgresDatabase;
import cn.baoxue.testing.TestStudents;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/**
 * The production topology without Docker: two application nodes, each its own JVM in the {@code
 * prod} profile with its job executor on, sharing one PostgreSQL database — reached through a
 * {@link DatabaseLink} so the database can be taken away. The county goes live as a real one
 * does: the administrator loads the jurisdiction tree and the staff from files. The steps run in order on the same two
 * nodes: work crosses nodes, a claim race has one winner, the database goes away for 30 seconds,
 * and node A is killed with kill -9 in the middle of a stream of completions while a timer is due.
 * Figures go to target/operations-figures.md (docs/operations.md quotes them).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProductionClusterTests {

  static final String ADMIN_PASSWORD = "Cluster-Root-2026!";
  static final String STAFF_PASSWORD = "Cluster-Staff-2026!";
  private static final DateTimeFormatter CAMUNDA_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

  private PostgresDatabase database;
  private DatabaseLink link;
  private ApplicationNode nodeA;
  private ApplicationNode nodeB;
  private final List<String> figures = new ArrayList<>();

  @BeforeAll
  void startTwoNodes() {
    database = PostgresDatabase.create("cluster");
    link = new DatabaseLink(PostgresDatabase.HOST, PostgresDatabase.PORT);
    // One after the other, as a rolling start does: the first migrates the schema and deploys.
    long started = System.nanoTime();
    nodeA = node("node-a").start();
    figures.add("| start-up of node A (migrates an empty database, deploys) | " + seconds(started) + " s |");
    goLive(admin(nodeA));
    started = System.nanoTime();
    nodeB = node("node-b").start();
    figures.add("| start-up of node B (schema and deployment already there) | " + seconds(started) + " s |");
  }

  private ApplicationNode node(String name) {
    return ApplicationNode.named(name)
        .env("SPRING_PROFILES_ACTIVE", "prod")
        .env("SPRING_DATASOURCE_URL", database.url("127.0.0.1", link.port()))
        .env("SPRING_DATASOURCE_USERNAME", "postgres")
        .env("SPRING_DATASOURCE_PASSWORD", "")
        .env("BAOXUE_ADMIN_PASSWORD", ADMIN_PASSWORD)
        .build();
  }

  /** As a county goes live: the administrator loads its jurisdiction tree and its staff. */
  private static void goLive(EngineRest admin) {
    String org = """
        类型,代码,名称,上级代码
        县,530627,镇雄县,
        乡镇,530627205,尖山乡,530627
        乡镇,530627104,南台镇,530627
        村,530627205201,长安村,530627205
        村,530627104201,南台村,530627104
        学校,5306270001,长安村小学,530627205201
        学校,5306270002,南台小学,530627104201
        """;
    String staff = """
        用户名,姓名,单位代码,角色,初始密码
        teacher-changan,李明华,5306270001,教师,%1$s
        principal-changan,王建国,5306270001,校长,%1$s
        teacher-nantai,张丽,5306270002,教师,%1$s
        cadre-changan,杨国富,530627205201,村干部,%1$s
        official-jianshan,赵文斌,530627205,乡镇干部,%1$s
        """.formatted(STAFF_PASSWORD);
    assertThat(admin.upload("/api/admin/org", "镇雄县组织机构.csv", org).getStatusCode().value()).isEqualTo(200);
    assertThat(admin.upload("/api/admin/staff", "镇雄县工作人员.csv", staff).getStatusCode().value()).isEqualTo(200);
  }

  @AfterAll
  void stopEverything() throws Exception {
    for (ApplicationNode node : new ApplicationNode[] {nodeA, nodeB}) {
      if (node != null) {
        node.killHard();
      }
    }
    if (link != null) {
      link.close();
    }
    if (database != null) {
      database.close();
    }
    OperationsFigures.write("Two-node cluster on PostgreSQL (ProductionClusterTests)", figures);
  }

  @Test
  @Order(1)
  void workStartedOnOneNodeIsVisibleAndWorkableOnTheOther() {
    String caseOnA = startCase(nodeA);

    String verify = onlyTask(staff(nodeB, "teacher-changan"), caseOnA, "verify");
    assertThat(staff(nodeB, "teacher-changan").complete(verify, verified()).getStatusCode().value()).isEqualTo(204);

    assertThat(taskKeys(staff(nodeA, "official-jianshan"), caseOnA)).containsExactly("assignHelpers");
    assertThat(taskKeys(staff(nodeA, "teacher-nantai"), caseOnA)).isEmpty();
  }

  @Test
  @Order(2)
  void theSameTaskClaimedOnBothNodesAtOnceHasExactlyOneWinner() throws Exception {
    ExecutorService clients = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < 5; round++) {
        String task = onlyTask(staff(nodeA, "teacher-changan"), startCase(nodeA), "verify");
        CyclicBarrier together = new CyclicBarrier(2);
        Future<ResponseEntity<Map<String, Object>>> onA = clients.submit(() -> {
          together.await();
          return staff(nodeA, "teacher-changan").claim(task, "teacher-changan");
        });
        Future<ResponseEntity<Map<String, Object>>> onB = clients.submit(() -> {
          together.await();
          return staff(nodeB, "principal-changan").claim(task, "principal-changan");
        });
        ResponseEntity<Map<String, Object>> a = onA.get(60, TimeUnit.SECONDS);
        ResponseEntity<Map<String, Object>> b = onB.get(60, TimeUnit.SECONDS);

        assertThat(List.of(a.getStatusCode().value(), b.getStatusCode().value())).containsExactlyInAnyOrder(204, 409);
        ResponseEntity<Map<String, Object>> loser = a.getStatusCode().value() == 409 ? a : b;
        assertThat(loser.getBody()).containsEntry("type", "Conflict");
        assertThat((String) loser.getBody().get("message")).contains("认领");
        String winner = a.getStatusCode().value() == 204 ? "teacher-changan" : "principal-changan";
        assertThat(admin(nodeB).get("/engine-rest/task/" + task).getBody()).containsEntry("assignee", winner);
      }
    } finally {
      clients.shutdownNow();
    }
  }

  @Test
  @Order(3)
  void withTheDatabaseAwayBothNodesAnswer503AndRecoverByThemselves() throws Exception {
    String before = startCase(nodeA);
    String verify = onlyTask(staff(nodeA, "teacher-changan"), before, "verify");
    assertThat(staff(nodeA, "teacher-changan").complete(verify, verified()).getStatusCode().value()).isEqualTo(204);

    long cut = System.nanoTime();
    link.cut();
    try {
      assertBothNodesRefuseWith503();
      ApplicationNode.sleep(Duration.ofSeconds(30).minusNanos(System.nanoTime() - cut));
    } finally {
      link.mend();
    }
    long mended = System.nanoTime();

    for (ApplicationNode node : List.of(nodeA, nodeB)) {
      awaitStatus(node, 200, Duration.ofSeconds(60));
      figures.add("| " + node.name() + " answering again after the database came back | " + seconds(mended) + " s |");
    }
    assertThat(taskKeys(staff(nodeB, "official-jianshan"), before)).containsExactly("assignHelpers");
    assertThat(caseColumn(before, "verified_by")).isEqualTo("teacher-changan");
    String after = startCase(nodeB);
    assertThat(taskKeys(staff(nodeA, "teacher-changan"), after)).containsExactly("verify");
  }

  private void assertBothNodesRefuseWith503() {
    for (ApplicationNode node : List.of(nodeA, nodeB)) {
      ResponseEntity<Map<String, Object>> refused = staff(node, "teacher-changan").get("/engine-rest/task/count");
      assertThat(refused.getStatusCode().value()).isEqualTo(503);
      assertThat((String) refused.getBody().get("message")).contains("数据库暂时无法连接");
      assertThat(refused.getHeaders().getFirst("Retry-After")).isNotBlank();
      ResponseEntity<Map<String, Object>> health =
          node.client().exchange("/actuator/health", HttpMethod.GET, null, new ParameterizedTypeReference<Map<String, Object>>() {});
      assertThat(health.getStatusCode().value()).isEqualTo(503);
      assertThat(health.getBody()).containsEntry("status", "DOWN");
      assertThat(health.getBody().get("components").toString()).contains("db={status=DOWN");
    }
  }

  @Test
  @Order(4)
  void nodeAKilledMidStreamLosesNoAcknowledgedCompletionAndNodeBCarriesOnWithItsTimers() throws Exception {
    // Sixty reported cases, each waiting for the teacher's verification.
    List<String> cases = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      cases.add(startCase(nodeB));
    }
    Map<String, String> verifyTaskOfCase = new ConcurrentHashMap<>();
    for (String pi : cases) {
      verifyTaskOfCase.put(onlyTask(staff(nodeB, "teacher-changan"), pi, "verify"), pi);
    }
    // One more case whose verification deadline passes while node A is dead.
    String overdueCase = startCase(nodeB);
    OffsetDateTime due = OffsetDateTime.now().plusSeconds(20);
    String timer = (String) admin(nodeB).getList("/engine-rest/job?timers=true&processInstanceId=" + overdueCase)
        .getBody().get(0).get("id");
    assertThat(admin(nodeB).put("/engine-rest/job/" + timer + "/duedate", Map.of("duedate", CAMUNDA_DATE.format(due)))
        .getStatusCode().value()).isEqualTo(204);

    // Four clients complete verifications on node A; it is killed after the 20th acknowledgement.
    CompletionStream.Outcome stream = CompletionStream.killMidStream(
        nodeA, () -> staff(nodeA, "teacher-changan"), verifyTaskOfCase.keySet(), verified(), 4, 20);
    long killed = System.nanoTime();
    Set<String> acknowledged = stream.acknowledged();
    int inFlightAtKill = stream.inFlightAtKill();
    figures.add("| completions acknowledged by node A before kill -9 | " + acknowledged.size() + " |");
    figures.add("| completions in flight on node A at kill -9 | " + inFlightAtKill + " |");

    // Every acknowledged completion is in the database exactly once, engine and Baoxue alike, and
    // no case is half-done: a case is either still at verify or verified and waiting for helpers.
    EngineRest admin = admin(nodeB);
    int completedInFlight = CompletionStream.assertNothingLostOrHalfDone(admin, verifyTaskOfCase, acknowledged,
        (pi, completed) -> assertThat(caseColumn(pi, "verified_by")).isEqualTo(completed ? "teacher-changan" : null));
    figures.add("| unacknowledged completions found committed after the kill | " + completedInFlight + " |");

    // Node B carries the cases on: the rest of the verifications, then a township's assignment.
    for (Map.Entry<String, String> entry : verifyTaskOfCase.entrySet()) {
      if (taskKeys(admin, entry.getValue()).contains("verify")) {
        assertThat(staff(nodeB, "teacher-changan").complete(entry.getKey(), verified()).getStatusCode().value())
            .isEqualTo(204);
      }
    }
    String continued = verifyTaskOfCase.get(acknowledged.iterator().next());
    String assign = onlyTask(staff(nodeB, "official-jianshan"), continued, "assignHelpers");
    assertThat(staff(nodeB, "official-jianshan")
        .complete(assign, Map.of("teacherHelper", "teacher-changan", "cadreHelper", "cadre-changan"))
        .getStatusCode().value()).isEqualTo(204);
    assertThat(taskKeys(admin, continued)).containsExactly("homeVisit");

    // The deadline that passed while node A lay dead escalates on node B: the township sees it.
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (!taskKeys(staff(nodeB, "official-jianshan"), overdueCase).contains("verify")) {
      assertThat(System.nanoTime()).as("escalation timer fired on node B").isLessThan(deadline);
      ApplicationNode.sleep(Duration.ofMillis(250));
    }
    figures.add("| overdue timer fired on node B, after its due date (node A dead since "
        + Duration.ofNanos(System.nanoTime() - killed).toSeconds() + " s) | "
        + Math.max(0, Duration.between(due, OffsetDateTime.now()).toMillis()) / 1000.0 + " s |");
    assertThat(admin.getList("/engine-rest/job?processInstanceId=" + overdueCase + "&withException=true").getBody())
        .isEmpty();
  }

  // --- the clients ------------------------------------------------------------------------------

  private String startCase(ApplicationNode node) {
    ResponseEntity<Map<String, Object>> started = staff(node, "teacher-changan").startCase(TestStudents.changanGirl());
    assertThat(started.getStatusCode().value()).as("start on %s: %s", node.name(), started.getBody()).isEqualTo(200);
    return (String) started.getBody().get("id");
  }

  private static Map<String, Object> verified() {
    return Map.of("verifyResult", "CONFIRMED", "verifyNotes", "连续两周未到校，已电话核实");
  }

  private static EngineRest staff(ApplicationNode node, String user) {
    return node.as(user, STAFF_PASSWORD);
  }

  private static EngineRest admin(ApplicationNode node) {
    return node.as("admin", ADMIN_PASSWORD);
  }

  private static String onlyTask(EngineRest user, String processInstanceId, String key) {
    List<Map<String, Object>> tasks = user.tasks(processInstanceId).stream()
        .filter(task -> key.equals(task.get("taskDefinitionKey"))).toList();
    assertThat(tasks).hasSize(1);
    return (String) tasks.get(0).get("id");
  }

  private static List<String> taskKeys(EngineRest user, String processInstanceId) {
    return user.tasks(processInstanceId).stream().map(task -> (String) task.get("taskDefinitionKey")).toList();
  }

  private void awaitStatus(ApplicationNode node, int status, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (staff(node, "teacher-changan").get("/engine-rest/task/count").getStatusCode().value() != status) {
      assertThat(System.nanoTime()).as("%s answers %d again", node.name(), status).isLessThan(deadline);
      ApplicationNode.sleep(Duration.ofMillis(250));
    }
  }

  private String caseColumn(String processInstanceId, String column) {
    try (Connection connection = database.connect();
        PreparedStatement query = connection.prepareStatement(
            "select " + column + " from dropout_case where process_instance_id = ?")) {
      query.setString(1, processInstanceId);
      try (ResultSet row = query.executeQuery()) {
        assertThat(row.next()).isTrue();
        return row.getString(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String seconds(long sinceNanos) {
    return String.format("%.1f", (System.nanoTime() - sinceNanos) / 1e9);
  }
}
