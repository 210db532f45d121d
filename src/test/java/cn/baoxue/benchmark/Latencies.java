package cn.baoxue.benchmark;

import java.util.Arrays;

/** Latencies of one kind of call, in microseconds; percentiles by nearest rank. */
final class Latencies {

  private long[] micros = new long[1024];
  private int count;

  synchronized void add(long nanos) {
    if (count == micros.length) {
      micros = Arrays.copyOf(micros, count * 2);
    }
    micros[count++] = nanos / 1_000;
  }

  synchronized void addAll(Latencies other) {
    synchronized (other) {
      for (int i = 0; i < other.count; i++) {
        add(other.micros[i] * 1_000);
      }
    }
  }

  synchronized int count() {
    return count;
  }

  /** The p-th percentile (0 < p ≤ 100) in milliseconds. */
  synchronized double percentile(double p) {
    if (count == 0) {
      return Double.NaN;
    }
    long[] sorted = Arrays.copyOf(micros, count);
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * count);
    return sorted[Math.max(0, Math.min(count, rank) - 1)] / 1000.0;
  }

  String summary() {
    return "p50 %.1f ms, p95 %.1f ms, p99 %.1f ms (n=%d)".formatted(percentile(50), percentile(95), percentile(99), count());
  }
}
