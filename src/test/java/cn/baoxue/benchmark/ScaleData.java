package cn.baoxue.benchmark;

import cn.baoxue.workflow.CaseSummaryListener;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * A province's worth of cases, loaded in minutes: an org tree of synthetic counties, townships,
 * villages and schools (beside the demo county 镇雄县), and open and closed cases in the
 * proportions of the seeds' ledgers.
 *
 * <p>The rows are what the engine and Baoxue would have written: for every state a case can be
 * in, one real case is walked there through the engine ({@link #TEMPLATES}); its rows in the
 * engine's runtime and history tables and in the project's tables are read back, and copied as
 * often as needed with fresh ids, another child, school, village, township, helpers, case number
 * and dates. The copies are written with PostgreSQL's COPY (JDBC batches on H2). The engine reads
 * them back like its own (TaskListBenchmark checks a task query and a completion).
 *
 * <p>Not copied: the audit trail (its entries are hash-chained, one chain per database), issued
 * PDF documents and the notification outbox. The synthetic units have no Camunda groups or
 * users; their group ids are on the tasks, so a user added to such a group in Camunda Admin
 * sees them.
 */
final class ScaleData {

  /** A state a case can be in, and how often: weights of open and of closed cases. */
  record State(String name, String walkUntil, boolean open, int weight) {}

  static final List<State> TEMPLATES = List.of(
      new State("verify", "verify", true, 12),
      new State("assignHelpers", "assignHelpers", true, 6),
      new State("homeVisit", "homeVisit", true, 10),
      new State("persuadeSchool", "persuadeSchool", true, 18),
      new State("persuadeJoint", "persuadeJoint", true, 12),
      new State("issueReturnOrder", "issueReturnOrder", true, 5),
      new State("planPlacement", "planPlacement", true, 5),
      new State("followUpDue", "followUpDue", true, 22),
      new State("followUp", "followUp", true, 6),
      new State("approveClosure", "approveClosure", true, 4),
      new State("closed", null, false, 65),
      new State("notDropout", "verify", false, 35));

  /** Engine tables of one case, in an order that satisfies their foreign keys; then the project's. */
  static final List<String> TABLES = List.of(
      "act_ge_bytearray", "act_ru_execution", "act_ru_job", "act_ru_task", "act_ru_identitylink", "act_ru_variable",
      "act_ru_authorization", "act_hi_procinst", "act_hi_actinst", "act_hi_taskinst", "act_hi_varinst", "act_hi_detail",
      "act_hi_identitylink", "act_hi_op_log", "act_hi_job_log",
      "student", "dropout_case", "helper_assignment", "home_visit", "persuasion_attempt", "return_order", "placement_plan",
      "follow_up", "closure_review");

  static final String[] REASONS = {"WORK", "WEARY", "PARENT_UNSUPPORTIVE", "ILLNESS", "POVERTY", "LEARNING_DIFFICULTY",
      "EARLY_MARRIAGE", "MIGRATION", "WHEREABOUTS_UNKNOWN", "OTHER"};
  /** Weights of the reasons, roughly the seeds' (外出务工 and 厌学 lead everywhere). */
  static final int[] REASON_WEIGHTS = {30, 28, 8, 5, 6, 8, 4, 5, 2, 4};
  static final String[] SPECIAL = {null, null, null, "LEFT_BEHIND", "LEFT_BEHIND,POOR_REGISTERED", "POOR_REGISTERED",
      "SINGLE_PARENT", "DISABLED", "LEFT_BEHIND,SINGLE_PARENT", null};
  private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";
  private static final String GIVEN = "梅兰芳华丽英秀娟明亮强军平勇杰涛斌超刚辉鹏飞磊宇浩凯健俊帆晨阳雪琳婷颖佳欣怡静敏丹云霞燕红春玉海波林";
  private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};

  /** The place a copy is moved to. */
  record School(String county, String countyName, String township, String townshipName, String village, String villageName,
      String school, String schoolName) {}

  /** One case's rows, by table, as the engine and Baoxue wrote them. */
  static final class Template {
    final State state;
    final Map<String, List<Map<String, Object>>> rows = new LinkedHashMap<>();
    final Map<String, List<String>> columns = new LinkedHashMap<>();
    final Set<String> engineIds = new LinkedHashSet<>();
    String caseNumber;
    long caseId;
    long studentId;
    Map<String, Object> student;

    Template(State state) {
      this.state = state;
    }

    String tableCounts() {
      StringBuilder counts = new StringBuilder();
      rows.forEach((table, tableRows) -> {
        if (!tableRows.isEmpty()) {
          counts.append(counts.isEmpty() ? "(" : ", ").append(table.replace("act_", "")).append(' ').append(tableRows.size());
        }
      });
      return counts.append(')').toString();
    }

    int rowCount() {
      return rows.values().stream().mapToInt(List::size).sum();
    }
  }

  private final DataSource dataSource;
  private final boolean postgres;
  private final Random random = new Random(20261122L);
  private final List<School> schools = new ArrayList<>();
  private final Map<String, long[]> nextIds = new HashMap<>();
  private final Map<String, Integer> caseCounters = new HashMap<>();
  private int children;
  volatile long copyNanos;
  long writeNanos;

  ScaleData(DataSource dataSource, boolean postgres) {
    this.dataSource = dataSource;
    this.postgres = postgres;
  }

  List<School> schools() {
    return schools;
  }

  // ---------------------------------------------------------------- org tree

  /**
   * The demo county's schools plus {@code counties} synthetic counties (the demo county counts as
   * one) of {@code townships} townships of {@code villages} villages, one school each.
   */
  void orgTree(int counties, int townships, int villages) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try (ResultSet demo = connection.createStatement().executeQuery(
          "select s.code, s.name, v.code, v.name, t.code, t.name, c.code, c.name from org_unit s"
              + " join org_unit v on v.code = s.parent_code join org_unit t on t.code = v.parent_code"
              + " join org_unit c on c.code = t.parent_code where s.unit_type = 'SCHOOL' order by s.code")) {
        while (demo.next()) {
          schools.add(new School(demo.getString(7), demo.getString(8), demo.getString(5), demo.getString(6), demo.getString(3),
              demo.getString(4), demo.getString(1), demo.getString(2)));
        }
      }
      try (PreparedStatement insert = connection.prepareStatement(
          "insert into org_unit (code, name, unit_type, parent_code) values (?, ?, ?, ?)")) {
        for (int c = 0; c < counties; c++) {
          String county = c == 0 ? "530627" : "5306" + (40 + c);
          String countyName = c == 0 ? "镇雄县" : "合成" + c + "县";
          if (c > 0) {
            unit(insert, county, countyName, "COUNTY", null);
          }
          for (int t = 1; t <= townships; t++) {
            String township = county + (300 + t);
            String townshipName = countyName.replace("县", "") + t + "乡";
            unit(insert, township, townshipName, "TOWNSHIP", county);
            for (int v = 1; v <= villages; v++) {
              String village = township + (200 + v);
              String villageName = townshipName.replace("乡", "") + "第" + v + "村";
              unit(insert, village, villageName, "VILLAGE", township);
              String school = county + "%04d".formatted(100 + (t - 1) * villages + v);
              unit(insert, school, villageName + "小学", "SCHOOL", village);
              schools.add(new School(county, countyName, township, townshipName, village, villageName, school, villageName + "小学"));
            }
          }
        }
        insert.executeBatch();
      }
      connection.commit();
    }
  }

  private static void unit(PreparedStatement insert, String code, String name, String type, String parent) throws SQLException {
    insert.setString(1, code);
    insert.setString(2, name);
    insert.setString(3, type);
    insert.setString(4, parent);
    insert.addBatch();
  }

  // ---------------------------------------------------------------- templates

  /** Reads back every row one real case wrote, by its process instance id. */
  Template capture(State state, String processInstanceId) throws SQLException {
    Template template = new Template(state);
    try (Connection connection = dataSource.getConnection()) {
      String pi = "'" + processInstanceId + "'";
      read(connection, template, "act_ru_execution", "proc_inst_id_ = " + pi);
      read(connection, template, "act_ru_task", "proc_inst_id_ = " + pi);
      read(connection, template, "act_ru_identitylink", "task_id_ in (select id_ from act_ru_task where proc_inst_id_ = " + pi + ")");
      read(connection, template, "act_ru_variable", "proc_inst_id_ = " + pi);
      read(connection, template, "act_ru_job", "process_instance_id_ = " + pi);
      read(connection, template, "act_ru_authorization",
          "resource_id_ in (select id_ from act_ru_task where proc_inst_id_ = " + pi + ") or resource_id_ = " + pi);
      read(connection, template, "act_hi_procinst", "proc_inst_id_ = " + pi);
      read(connection, template, "act_hi_actinst", "proc_inst_id_ = " + pi);
      read(connection, template, "act_hi_taskinst", "proc_inst_id_ = " + pi);
      read(connection, template, "act_hi_varinst", "proc_inst_id_ = " + pi);
      read(connection, template, "act_hi_detail", "proc_inst_id_ = " + pi);
      read(connection, template, "act_hi_identitylink", "root_proc_inst_id_ = " + pi);
      read(connection, template, "act_hi_op_log", "proc_inst_id_ = " + pi);
      read(connection, template, "act_hi_job_log", "process_instance_id_ = " + pi);
      read(connection, template, "act_ge_bytearray",
          "id_ in (select bytearray_id_ from act_ru_variable where proc_inst_id_ = " + pi + ")"
              + " or id_ in (select bytearray_id_ from act_hi_varinst where proc_inst_id_ = " + pi + ")"
              + " or id_ in (select bytearray_id_ from act_hi_detail where proc_inst_id_ = " + pi + ")"
              + " or id_ in (select exception_stack_id_ from act_ru_job where process_instance_id_ = " + pi + ")");
      read(connection, template, "dropout_case", "process_instance_id = " + pi);
      Map<String, Object> dropoutCase = template.rows.get("dropout_case").get(0);
      template.caseId = ((Number) dropoutCase.get("id")).longValue();
      template.caseNumber = (String) dropoutCase.get("case_number");
      template.studentId = ((Number) dropoutCase.get("student_id")).longValue();
      read(connection, template, "student", "id = " + template.studentId);
      template.student = template.rows.get("student").get(0);
      for (String table : TABLES.subList(TABLES.indexOf("helper_assignment"), TABLES.size())) {
        read(connection, template, table, "case_id = " + template.caseId);
      }
    }
    sortExecutionsParentFirst(template);
    template.rows.forEach((table, rows) -> {
      if (table.startsWith("act_")) {
        rows.forEach(row -> template.engineIds.add((String) row.get("id_")));
      }
    });
    return template;
  }

  private static void read(Connection connection, Template template, String table, String where) throws SQLException {
    List<Map<String, Object>> rows = new ArrayList<>();
    List<String> columns = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("select * from " + table + " where " + where)) {
      ResultSetMetaData meta = rs.getMetaData();
      for (int i = 1; i <= meta.getColumnCount(); i++) {
        columns.add(meta.getColumnLabel(i).toLowerCase());
      }
      while (rs.next()) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 1; i <= columns.size(); i++) {
          Object value = rs.getObject(i);
          if (value instanceof java.sql.Blob blob) {
            value = blob.getBytes(1, (int) blob.length());
          } else if (value instanceof java.sql.Clob clob) {
            value = clob.getSubString(1, (int) clob.length());
          }
          row.put(columns.get(i - 1), value);
        }
        rows.add(row);
      }
    }
    template.columns.put(table, columns);
    template.rows.put(table, rows);
  }

  private static void sortExecutionsParentFirst(Template template) {
    List<Map<String, Object>> executions = new ArrayList<>(template.rows.get("act_ru_execution"));
    List<Map<String, Object>> sorted = new ArrayList<>();
    Set<Object> placed = new LinkedHashSet<>();
    while (!executions.isEmpty()) {
      for (var iterator = executions.iterator(); iterator.hasNext(); ) {
        Map<String, Object> execution = iterator.next();
        Object parent = execution.get("parent_id_");
        if (parent == null || placed.contains(parent)) {
          sorted.add(execution);
          placed.add(execution.get("id_"));
          iterator.remove();
        }
      }
    }
    template.rows.put("act_ru_execution", sorted);
  }

  // ---------------------------------------------------------------- copies

  /** One copy's replacements: whole values that name the template's case, child, place and people. */
  private Map<Object, Object> replacements(Template template, School place, LocalDateTime reportedAt) {
    School demo = schools.get(0);
    Map<Object, Object> values = new HashMap<>();
    int year = reportedAt.getYear();
    String counter = place.county() + "-" + year;
    caseCounters.computeIfAbsent(counter, this::lastCaseNumber);
    String caseNumber = "%s-%d-%05d".formatted(place.county(), year, caseCounters.merge(counter, 1, Integer::sum));
    values.put(template.caseNumber, caseNumber);
    values.put(((Timestamp) template.rows.get("dropout_case").get(0).get("reported_at")).toLocalDateTime().toLocalDate().toString(),
        reportedAt.toLocalDate().toString());
    int n = children++;
    int sequence = n % 1000;
    boolean boy = sequence % 2 == 1;
    LocalDate birth = LocalDate.now().minusYears(7).minusDays(n / 1000 % 3285);
    String name = SURNAMES.charAt(random.nextInt(SURNAMES.length())) + ""
        + GIVEN.charAt(random.nextInt(GIVEN.length())) + (random.nextBoolean() ? GIVEN.charAt(random.nextInt(GIVEN.length())) : "");
    values.put(template.student.get("name"), name);
    values.put(template.student.get("id_number"), idNumber(birth, sequence));
    values.put(template.student.get("birth_date").toString(), birth.toString());
    values.put("F", boy ? "M" : "F");
    values.put("WORK", weighted(REASONS, REASON_WEIGHTS));
    values.put("WEARY", values.get("WORK"));
    values.put(template.student.get("special_groups"), SPECIAL[random.nextInt(SPECIAL.length)]);
    values.put(demo.school(), place.school());
    values.put(demo.schoolName(), place.schoolName());
    values.put("school_" + demo.school(), "school_" + place.school());
    values.put(demo.village(), place.village());
    values.put(demo.villageName(), place.villageName());
    values.put("village_" + demo.village(), "village_" + place.village());
    values.put(demo.township(), place.township());
    values.put(demo.townshipName(), place.townshipName());
    values.put("township_" + demo.township(), "township_" + place.township());
    values.put(demo.county(), place.county());
    values.put(demo.countyName(), place.countyName());
    values.put("county_" + demo.county(), "county_" + place.county());
    boolean demoSchool = place.school().equals(demo.school());
    values.put(HappyPath.TEACHER, demoSchool ? HappyPath.TEACHER : "teacher-" + place.school());
    values.put(HappyPath.CADRE, demoSchool ? HappyPath.CADRE : "cadre-" + place.village());
    values.put(HappyPath.OFFICIAL, demoSchool ? HappyPath.OFFICIAL : "official-" + place.township());
    values.put("__grade", 1 + random.nextInt(9));
    values.put("__birth", java.sql.Date.valueOf(birth));
    return values;
  }

  /** Where the county's counter stands, so the copies number on after the real cases. */
  private int lastCaseNumber(String countyYear) {
    String[] parts = countyYear.split("-");
    try (Connection connection = dataSource.getConnection();
        ResultSet rs = connection.createStatement().executeQuery("select max(last_value) from case_number_counter"
            + " where county_code = '" + parts[0] + "' and case_year = " + parts[1])) {
      rs.next();
      return rs.getInt(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private String weighted(String[] values, int[] weights) {
    int total = 0;
    for (int weight : weights) {
      total += weight;
    }
    int pick = random.nextInt(total);
    for (int i = 0; i < values.length; i++) {
      pick -= weights[i];
      if (pick < 0) {
        return values[i];
      }
    }
    return values[values.length - 1];
  }

  /**
   * A valid 身份证号 never given before: the n-th generated child is born n / 1000 days before a
   * fixed day, with sequence n % 1000 (odd for boys) and the region code 530650, which no demo or
   * real test child has; unique for the first 3,285,000 children.
   */
  private String idNumber(LocalDate birth, int sequence) {
    String body = "530650" + birth.format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE) + "%03d".formatted(sequence);
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (body.charAt(i) - '0') * ID_WEIGHTS[i];
    }
    return body + "10X98765432".charAt(sum % 11);
  }

  /** The rows of one copy of the template, by table. */
  Map<String, List<Object[]>> copy(Template template, School place, long shiftMillis) {
    LocalDateTime reportedAt = ((Timestamp) template.rows.get("dropout_case").get(0).get("reported_at")).toLocalDateTime()
        .minusNanos(shiftMillis * 1_000_000);
    Map<Object, Object> values = replacements(template, place, reportedAt);
    Map<String, String> ids = new HashMap<>();
    for (String id : template.engineIds) {
      ids.put(id, fastUuid());
    }
    long caseId = nextId("dropout_case");
    long studentId = nextId("student");
    Map<String, List<Object[]>> copy = new LinkedHashMap<>();
    for (var entry : template.rows.entrySet()) {
      String table = entry.getKey();
      List<String> columns = template.columns.get(table);
      List<Object[]> rows = new ArrayList<>(entry.getValue().size());
      for (Map<String, Object> row : entry.getValue()) {
        Object[] out = new Object[columns.size()];
        for (int i = 0; i < out.length; i++) {
          String column = columns.get(i);
          Object value = row.get(column);
          out[i] = mapped(table, column, value, values, ids, shiftMillis, caseId, studentId, template.state.open());
        }
        if (row.containsKey("long_")) {
          variableValue(row, columns, out, caseId, shiftMillis);
        }
        rows.add(out);
      }
      copy.put(table, rows);
    }
    return copy;
  }

  /**
   * Variables whose value is a number the copy changes: the case's id in Baoxue's tables, and dates
   * (kept as epoch milliseconds in LONG_), which move with the copy's other times.
   */
  private static void variableValue(Map<String, Object> row, List<String> columns, Object[] out, long caseId, long shiftMillis) {
    Object type = row.containsKey("type_") ? row.get("type_") : row.get("var_type_");
    int longColumn = columns.indexOf("long_");
    if ("caseId".equals(row.get("name_")) && out[longColumn] != null) {
      out[longColumn] = caseId;
      out[columns.indexOf("text_")] = String.valueOf(caseId);
    } else if ("date".equals(type) && out[longColumn] instanceof Number millis) {
      out[longColumn] = millis.longValue() - shiftMillis;
    }
  }

  /** A random (version 4) UUID without SecureRandom, whose entropy pool a million cases would drain. */
  private String fastUuid() {
    long high = (random.nextLong() & ~0xF000L) | 0x4000L;
    long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(high, low).toString();
  }

  private Object mapped(String table, String column, Object value, Map<Object, Object> values, Map<String, String> ids,
      long shiftMillis, long caseId, long studentId, boolean open) {
    if (!table.startsWith("act_")) {
      switch (column) {
        case "id":
          return table.equals("dropout_case") ? caseId : table.equals("student") ? studentId : nextId(table);
        case "case_id":
          return caseId;
        case "student_id":
          return studentId;
        case "open_student_id":
          return value == null ? null : studentId;
        case "grade":
          return values.get("__grade");
        case "birth_date":
          return values.get("__birth");
        default:
          break;
      }
    }
    if (value == null) {
      return null;
    }
    if (value instanceof Timestamp time) {
      return new Timestamp(time.getTime() - shiftMillis);
    }
    if (value instanceof String text) {
      String id = ids.get(text);
      if (id != null) {
        return id;
      }
      if (text.contains(CaseSummaryListener.CASE_SUMMARY_SEPARATOR)) {
        // The case's line in Tasklist's list names the case, child, school and village in one value.
        return Arrays.stream(text.split(CaseSummaryListener.CASE_SUMMARY_SEPARATOR))
            .map(part -> String.valueOf(values.getOrDefault(part, part)))
            .collect(Collectors.joining(CaseSummaryListener.CASE_SUMMARY_SEPARATOR));
      }
      return values.getOrDefault(text, text);
    }
    return value;
  }

  private long nextId(String table) {
    return nextIds.computeIfAbsent(table, name -> new long[] {startId(name)})[0]++;
  }

  private long startId(String table) {
    try (Connection connection = dataSource.getConnection();
        ResultSet rs = connection.createStatement().executeQuery("select coalesce(max(id), 0) + 1000 from " + table)) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  // ---------------------------------------------------------------- loading

  /**
   * The history a case keeps by default: its process instance and its tasks, beside all its
   * runtime and project rows. The engine's full history of a closed case is some 300 rows
   * (variables and their every change, activities, job log); {@code -Dbench.history=full} copies
   * it all, at five times the rows.
   */
  static final Set<String> LIGHT_HISTORY_SKIPS = Set.of(
      "act_hi_actinst", "act_hi_varinst", "act_hi_detail", "act_hi_identitylink", "act_hi_op_log", "act_hi_job_log",
      "act_ge_bytearray");

  /** Open cases keep their runtime rows whole (and the byte arrays their variables point to). */
  static final Set<String> LIGHT_OPEN_HISTORY_SKIPS = Set.of(
      "act_hi_actinst", "act_hi_varinst", "act_hi_detail", "act_hi_identitylink", "act_hi_op_log", "act_hi_job_log");

  /**
   * Writes {@code count} copies of the templates of open (or closed) states, in chunks of one
   * transaction each; returns the rows written.
   */
  long load(List<Template> templates, int count, Function<Integer, Long> shiftMillis, Set<String> skipped) throws SQLException {
    int[] weights = templates.stream().mapToInt(t -> t.state.weight()).toArray();
    String[] names = templates.stream().map(t -> t.state.name()).toArray(String[]::new);
    Map<String, Template> byName = new HashMap<>();
    templates.forEach(t -> byName.put(t.state.name(), t));
    Map<String, List<String>> columns = new LinkedHashMap<>();
    templates.forEach(t -> t.columns.forEach(columns::putIfAbsent));
    int chunk = 2_000;
    // One thread makes the copies while this one writes the previous chunk: two cores, both busy.
    BlockingQueue<Map<String, List<Object[]>>> chunks = new ArrayBlockingQueue<>(2);
    ExecutorService producer = Executors.newSingleThreadExecutor();
    Future<?> producing = producer.submit(() -> {
      for (int done = 0; done < count; done += chunk) {
        long start = System.nanoTime();
        Map<String, List<Object[]>> rows = new LinkedHashMap<>();
        for (String table : TABLES) {
          rows.put(table, new ArrayList<>());
        }
        for (int i = done; i < Math.min(count, done + chunk); i++) {
          Template template = byName.get(weighted(names, weights));
          School place = schools.get(random.nextInt(schools.size()));
          copy(template, place, shiftMillis.apply(i)).forEach((table, tableRows) -> rows.get(table).addAll(tableRows));
        }
        copyNanos += System.nanoTime() - start;
        chunks.put(rows);
      }
      return null;
    });
    long written = 0;
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      BulkWriter writer = postgres ? new BulkWriter.Copy(connection) : new BulkWriter.Batch(connection);
      try {
        for (int done = 0; done < count; done += chunk) {
          Map<String, List<Object[]>> rows = next(chunks, producing);
          long start = System.nanoTime();
          for (String table : TABLES) {
            if (!rows.get(table).isEmpty() && !skipped.contains(table)) {
              writer.write(table, columns.get(table), rows.get(table));
              written += rows.get(table).size();
            }
          }
          connection.commit();
          writeNanos += System.nanoTime() - start;
        }
      } finally {
        producer.shutdownNow();
        if (postgres) {
          // The pool hands this connection out again: back to the checks of every other session.
          try (Statement reset = connection.createStatement()) {
            reset.execute("reset session_replication_role");
            reset.execute("reset synchronous_commit");
          }
        }
      }
    }
    return written;
  }

  private static Map<String, List<Object[]>> next(BlockingQueue<Map<String, List<Object[]>>> chunks, Future<?> producing) {
    try {
      while (true) {
        Map<String, List<Object[]>> rows = chunks.poll(1, TimeUnit.SECONDS);
        if (rows != null) {
          return rows;
        }
        if (producing.isDone()) {
          producing.get();
          throw new IllegalStateException("the copies ended early");
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("making the copies failed", e.getCause());
    }
  }

  /** After the copies: identity sequences move past the copied ids, case-number counters past the copies. */
  void finish() throws SQLException {
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      for (String table : nextIds.keySet()) {
        long next = nextIds.get(table)[0] + 1;
        statement.execute(postgres
            ? "select setval(pg_get_serial_sequence('" + table + "', 'id'), " + next + ")"
            : "alter table " + table + " alter column id restart with " + next);
      }
      for (var counter : caseCounters.entrySet()) {
        String[] countyYear = counter.getKey().split("-");
        int updated = statement.executeUpdate("update case_number_counter set last_value = greatest(last_value, "
            + counter.getValue() + ") where county_code = '" + countyYear[0] + "' and case_year = " + countyYear[1]);
        if (updated == 0) {
          statement.executeUpdate("insert into case_number_counter (county_code, case_year, last_value) values ('"
              + countyYear[0] + "', " + countyYear[1] + ", " + counter.getValue() + ")");
        }
      }
      if (postgres) {
        // What autovacuum does after a bulk load: statistics, and the visibility map that lets the
        // summary's queries answer from their indexes alone.
        connection.setAutoCommit(true);
        statement.execute("vacuum analyze");
      }
    }
  }
}
