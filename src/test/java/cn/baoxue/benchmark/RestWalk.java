package cn.baoxue.benchmark;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The happy path as a black-box client drives it: Camunda's REST API with HTTP Basic, each step as
 * its user, every call timed. One instance per client thread.
 */
final class RestWalk {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final String baseUrl;
  private final Map<String, Latencies> latencies;

  /** latencies: by kind of call (start, task query, complete, job), shared by all clients. */
  RestWalk(String baseUrl, Map<String, Latencies> latencies) {
    this.baseUrl = baseUrl;
    this.latencies = latencies;
  }

  static Map<String, Latencies> newLatencies() {
    Map<String, Latencies> kinds = new LinkedHashMap<>();
    for (String kind : List.of("start", "task query", "complete", "timer job")) {
      kinds.put(kind, new Latencies());
    }
    return kinds;
  }

  void walk() throws IOException, InterruptedException {
    Map<String, Object> started = object(send("start", HappyPath.TEACHER, "POST",
        "/engine-rest/process-definition/key/dropout-case/start", Map.of("variables", typed(HappyPath.newChild()))));
    String pi = (String) started.get("id");
    for (HappyPath.Step step : HappyPath.steps()) {
      if (step.isTimer()) {
        List<Map<String, Object>> jobs = list(send("timer job", "admin", "GET",
            "/engine-rest/job?timers=true&activityId=" + step.taskKey() + "&processInstanceId=" + pi, null));
        send("timer job", "admin", "POST", "/engine-rest/job/" + jobs.get(0).get("id") + "/execute", Map.of());
        continue;
      }
      List<Map<String, Object>> tasks = list(send("task query", step.user(), "GET",
          "/engine-rest/task?processInstanceId=" + pi + "&taskDefinitionKey=" + step.taskKey(), null));
      if (tasks.size() != 1) {
        throw new IllegalStateException(step.user() + " sees " + tasks.size() + " " + step.taskKey() + " tasks of " + pi);
      }
      send("complete", step.user(), "POST", "/engine-rest/task/" + tasks.get(0).get("id") + "/complete",
          Map.of("variables", typed(step.variables())));
    }
  }

  private String send(String kind, String user, String method, String path, Object body) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
        .timeout(Duration.ofSeconds(60))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
        .header("Accept", "application/json");
    if (body == null) {
      request.GET();
    } else {
      request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    }
    long start = System.nanoTime();
    HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    latencies.get(kind).add(System.nanoTime() - start);
    if (response.statusCode() >= 300) {
      throw new IllegalStateException(method + " " + path + " as " + user + ": " + response.statusCode() + " " + response.body());
    }
    return response.body();
  }

  private static Map<String, Object> object(String body) throws IOException {
    return JSON.readValue(body, new TypeReference<>() {});
  }

  private static List<Map<String, Object>> list(String body) throws IOException {
    return JSON.readValue(body, new TypeReference<>() {});
  }

  private static Map<String, Object> typed(Map<String, Object> variables) {
    Map<String, Object> typed = new LinkedHashMap<>();
    variables.forEach((name, value) -> typed.put(name, Map.of("value", value)));
    return typed;
  }
}
