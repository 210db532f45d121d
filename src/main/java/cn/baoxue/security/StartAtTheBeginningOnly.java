package cn.baoxue.security;

import cn.baoxue.kernel.identity.Staff;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.PathSegment;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * A case starts at its start event, where the intake checks the report, opens the case and routes
 * it. Camunda's start API also takes start instructions ("start before approveClosure") and flags
 * that skip listeners and input mappings. With them, anyone allowed to report could begin a case
 * halfway through the ladder, past verification and persuasion, or — skipping the intake — create
 * a process instance with no case behind it, routed to a group of her choosing, and record on
 * another case from there. Only administrators, repairing an instance by hand, may start anywhere
 * but the beginning. Registered on /engine-rest and on the webapps' engine API alike.
 *
 * <p>The second line behind {@link EngineRestAllowlist}: it reads the path as Jersey matched it
 * (decoded segments, matrix parameters apart, empty and dot segments dropped, any case), so that
 * no spelling of a start — {@code start/}, {@code //start}, {@code %73tart}, {@code ;x=y}, by id,
 * by key or with a tenant id, {@code start} or {@code submit-form} — escapes it.
 */
@Provider
public class StartAtTheBeginningOnly implements ContainerRequestFilter {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> STARTS = Set.of("start", "submit-form");

  @Override
  public void filter(ContainerRequestContext request) throws IOException {
    if (!"POST".equalsIgnoreCase(request.getMethod()) || !isStart(request.getUriInfo().getPathSegments())
        || isAdmin(SecurityContextHolder.getContext().getAuthentication())) {
      return;
    }
    byte[] body = request.getEntityStream().readAllBytes();
    request.setEntityStream(new ByteArrayInputStream(body));
    JsonNode start;
    try {
      start = JSON.readTree(body);
    } catch (IOException notJson) {
      return; // Camunda answers 400 itself
    }
    if (start != null && (hasElements(start.get("startInstructions")) || isTrue(start.get("skipCustomListeners"))
        || isTrue(start.get("skipIoMappings")))) {
      request.abortWith(Response.status(Response.Status.FORBIDDEN)
          .type(MediaType.APPLICATION_JSON_TYPE)
          .entity(Map.of("type", "AuthorizationException",
              "message", "案件只能从上报开始办理：只有系统管理员可以从流程中途启动或跳过监听器"))
          .build());
    }
  }

  /**
   * Any path that names a process definition and ends in a start: {@code
   * process-definition/{id}/start}, {@code …/key/{key}/start}, {@code …/tenant-id/{t}/submit-form}.
   */
  static boolean isStart(List<PathSegment> pathSegments) {
    Deque<String> segments = new ArrayDeque<>();
    for (PathSegment segment : pathSegments) {
      String name = segment.getPath();
      if (name.equals("..")) {
        segments.pollLast();
      } else if (!name.isEmpty() && !name.equals(".")) {
        segments.addLast(name.toLowerCase(Locale.ROOT));
      }
    }
    return segments.contains("process-definition") && !segments.isEmpty() && STARTS.contains(segments.peekLast());
  }

  static boolean isAdmin(Authentication user) {
    return user != null && Staff.of(user).isAdmin();
  }

  private static boolean hasElements(JsonNode node) {
    return node != null && node.isArray() && !node.isEmpty();
  }

  private static boolean isTrue(JsonNode node) {
    return node != null && node.asBoolean(false);
  }
}
