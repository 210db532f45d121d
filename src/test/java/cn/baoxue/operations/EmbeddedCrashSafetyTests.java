package cn.baoxue.operations;

import static org.assertj.core.api.Assertions.assertThat;

import cn.baoxue.testing.ApplicationNode;
import cn.baoxue.testing.CompletionStream;
import cn.baoxue.testing.EngineRest;
import cn.baoxue.testing.TestStudents;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * The embedded default (H2 file database, `mvn spring-boot:run`) killed with kill -9 while four
 * clients complete tasks: after a restart on the same files, every completion the application
 * acknowledged is there, once, and the cases go on.
 */
class EmbeddedCrashSafetyTests {

  @Test
  void everyAcknowledgedCompletionSurvivesKill9OfTheEmbeddedRun() throws Exception {
    Path dataDir = Files.createTempDirectory(Path.of("target"), "crash-h2-").toAbsolutePath();
    List<String> figures = new ArrayList<>();
    Map<String, String> verifyTaskOfCase = new ConcurrentHashMap<>();
    Set<String> acknowledged;
    int inFlightAtKill;

    try (ApplicationNode node = embedded(dataDir)) {
      node.start();
      EngineRest teacher = node.as("teacher-changan", EngineRest.DEMO_PASSWORD);
      for (int i = 0; i < 60; i++) {
        String pi = (String) teacher.startCase(TestStudents.changanGirl()).getBody().get("id");
        String task = (String) teacher.tasks(pi).get(0).get("id");
        verifyTaskOfCase.put(task, pi);
      }
      CompletionStream.Outcome stream = CompletionStream.killMidStream(
          node, () -> node.as("teacher-changan", EngineRest.DEMO_PASSWORD), verifyTaskOfCase.keySet(),
          Map.of("verifyResult", "CONFIRMED", "verifyNotes", "电话核实"), 4, 25);
      acknowledged = stream.acknowledged();
      inFlightAtKill = stream.inFlightAtKill();
    }
    figures.add("| completions acknowledged before kill -9 | " + acknowledged.size() + " |");
    figures.add("| completions in flight at kill -9 | " + inFlightAtKill + " |");

    try (ApplicationNode restarted = embedded(dataDir)) {
      long started = System.nanoTime();
      restarted.start();
      figures.add(String.format("| restart on the same H2 files (recovery included) | %.1f s |", (System.nanoTime() - started) / 1e9));
      EngineRest admin = restarted.as("admin", EngineRest.DEMO_PASSWORD);
      CompletionStream.assertNothingLostOrHalfDone(admin, verifyTaskOfCase, acknowledged, (pi, completed) -> {});
      String continued = verifyTaskOfCase.get(acknowledged.iterator().next());
      EngineRest official = restarted.as("official-jianshan", EngineRest.DEMO_PASSWORD);
      String assign = (String) official.tasks(continued).get(0).get("id");
      assertThat(official.complete(assign, Map.of("teacherHelper", "teacher-changan", "cadreHelper", "cadre-changan"))
          .getStatusCode().value()).isEqualTo(204);
    }
    OperationsFigures.write("Embedded H2 killed under load (EmbeddedCrashSafetyTests)", figures);
  }

  private static ApplicationNode embedded(Path dataDir) {
    return ApplicationNode.named("embedded-h2").arg("--baoxue.data-dir=" + dataDir).build();
  }
}
