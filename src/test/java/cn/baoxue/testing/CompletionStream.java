package cn.baoxue.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * Several clients completing tasks on one node, as fast as it answers, until the node is killed
 * with kill -9 after a given number of acknowledgements: which completions the node acknowledged,
 * and how many requests were in flight at the kill (unanswered: done or not, the client cannot
 * know).
 */
public final class CompletionStream {

  public record Outcome(Set<String> acknowledged, int inFlightAtKill) {}

  private CompletionStream() {}

  /**
   * What the node that carries on must show after the kill: each case's verification recorded
   * exactly once, completed wherever the client had the acknowledgement, and the case waiting where
   * that puts it (verify, or assignHelpers) — nothing lost, nothing half-done. {@code andAlso}
   * checks more of a case, given its process instance and whether its verification completed.
   *
   * @param processOfTask the verify task of each case, to its process instance
   * @return how many completions were committed without the client having been told
   */
  public static int assertNothingLostOrHalfDone(
      EngineRest admin, Map<String, String> processOfTask, Set<String> acknowledged, BiConsumer<String, Boolean> andAlso) {
    int committedUnacknowledged = 0;
    for (Map.Entry<String, String> entry : processOfTask.entrySet()) {
      String pi = entry.getValue();
      List<Map<String, Object>> verifications =
          admin.getList("/engine-rest/history/task?processInstanceId=" + pi + "&taskDefinitionKey=verify").getBody();
      assertThat(verifications).hasSize(1);
      boolean completed = "completed".equals(verifications.get(0).get("deleteReason"));
      if (acknowledged.contains(entry.getKey())) {
        assertThat(completed).as("acknowledged completion of %s", pi).isTrue();
      } else if (completed) {
        committedUnacknowledged++;
      }
      assertThat(admin.tasks(pi)).extracting(task -> task.get("taskDefinitionKey"))
          .containsExactly(completed ? "assignHelpers" : "verify");
      andAlso.accept(pi, completed);
    }
    return committedUnacknowledged;
  }

  public static Outcome killMidStream(
      ApplicationNode node,
      Supplier<EngineRest> client,
      Collection<String> taskIds,
      Map<String, Object> variables,
      int clients,
      int killAfterAcknowledged)
      throws InterruptedException {
    ConcurrentLinkedQueue<String> queue = new ConcurrentLinkedQueue<>(taskIds);
    Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    AtomicInteger inFlight = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    for (int c = 0; c < clients; c++) {
      pool.submit(() -> {
        EngineRest rest = client.get();
        for (String task = queue.poll(); task != null && node.isAlive(); task = queue.poll()) {
          inFlight.incrementAndGet();
          try {
            if (rest.complete(task, variables).getStatusCode().value() == 204) {
              acknowledged.add(task);
            }
          } catch (RuntimeException connectionLost) {
            // no answer
          } finally {
            inFlight.decrementAndGet();
          }
        }
        return null;
      });
    }
    while (acknowledged.size() < killAfterAcknowledged) {
      ApplicationNode.sleep(Duration.ofMillis(10));
    }
    int inFlightAtKill = inFlight.get();
    node.killHard();
    pool.shutdown();
    if (!pool.awaitTermination(2, TimeUnit.MINUTES)) {
      throw new IllegalStateException("clients still waiting two minutes after the kill");
    }
    return new Outcome(Set.copyOf(acknowledged), inFlightAtKill);
  }
}
