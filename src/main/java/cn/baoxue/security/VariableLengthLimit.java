package cn.baoxue.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * The engine keeps a text variable in a column of 4,000 characters; a longer one fails deep in the
 * database and comes back as "500 persistence layer". Every write of variables through the engine
 * API (start, submit-form, complete, resolve, set variables) is checked first, and an over-long
 * text answers 400 with the variable's name. Baoxue's own steps allow far less (notes: 2,000).
 */
@Provider
public class VariableLengthLimit implements ContainerRequestFilter {

  static final int MAX_TEXT = 4000;
  private static final ObjectMapper JSON = new ObjectMapper();
  /** The body fields that carry variables, by name, in Camunda's REST DTOs. */
  private static final Set<String> VARIABLE_MAPS = Set.of("variables", "modifications", "processVariables", "localVariables");

  @Override
  public void filter(ContainerRequestContext request) throws IOException {
    if (!Set.of("POST", "PUT").contains(request.getMethod()) || request.getMediaType() == null
        || !request.getMediaType().isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
      return;
    }
    byte[] body = request.getEntityStream().readAllBytes();
    request.setEntityStream(new ByteArrayInputStream(body));
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (IOException notJson) {
      return; // Camunda answers 400 itself
    }
    String tooLong = root == null ? null : tooLong(root, request.getUriInfo().getPath());
    if (tooLong != null) {
      request.abortWith(Response.status(Response.Status.BAD_REQUEST)
          .type(MediaType.APPLICATION_JSON_TYPE)
          .entity(Map.of("type", "InvalidVariableValue", "message", "变量“" + tooLong + "”过长：不能超过" + MAX_TEXT + "个字符"))
          .build());
    }
  }

  /** The name of the first over-long text variable in the body, or null. */
  private static String tooLong(JsonNode root, String path) {
    if (path.matches(".*/variables/[^/]+$") && isTooLong(root)) {
      return path.substring(path.lastIndexOf('/') + 1);
    }
    for (String field : VARIABLE_MAPS) {
      JsonNode variables = root.get(field);
      if (variables != null && variables.isObject()) {
        for (Iterator<Map.Entry<String, JsonNode>> it = variables.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> variable = it.next();
          if (variable.getValue() != null && isTooLong(variable.getValue())) {
            return variable.getKey();
          }
        }
      }
    }
    return null;
  }

  /** A text variable (no type given, or String) over the column's length; JSON and objects go elsewhere. */
  private static boolean isTooLong(JsonNode variable) {
    JsonNode type = variable.get("type");
    JsonNode value = variable.get("value");
    boolean text = type == null || type.isNull() || "string".equalsIgnoreCase(type.asText());
    return text && value != null && value.isTextual() && value.textValue().length() > MAX_TEXT;
  }
}
