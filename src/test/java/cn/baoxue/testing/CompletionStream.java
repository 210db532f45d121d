package cn.baoxue.testing;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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
