package cn.baoxue.notifications;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The tests' own reading of Alibaba Cloud's RPC signature (HMAC-SHA1, version 1.0), written from
 * the documentation byte by byte and independent of Baoxue's code: what the provider would compute
 * to check a request.
 */
final class AliyunRpcSignature {

  private AliyunRpcSignature() {}

  static String signatureOf(String method, Map<String, String> parameters, String secret) throws Exception {
    StringBuilder query = new StringBuilder();
    for (Map.Entry<String, String> p : new TreeMap<>(parameters).entrySet()) {
      if (p.getKey().equals("Signature")) {
        continue;
      }
      if (query.length() > 0) {
        query.append('&');
      }
      query.append(rfc3986(p.getKey())).append('=').append(rfc3986(p.getValue()));
    }
    String stringToSign = method + "&" + rfc3986("/") + "&" + rfc3986(query.toString());
    Mac mac = Mac.getInstance("HmacSHA1");
    mac.init(new SecretKeySpec((secret + "&").getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
    return Base64.getEncoder().encodeToString(mac.doFinal(stringToSign.getBytes(StandardCharsets.UTF_8)));
  }

  /** Unreserved characters (A–Z a–z 0–9 - _ . ~) as they are, every other byte of the UTF-8 as %XY. */
  static String rfc3986(String value) {
    StringBuilder out = new StringBuilder();
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' || c == '~') {
        out.append(c);
      } else {
        out.append('%').append(String.format("%02X", b & 0xff));
      }
    }
    return out.toString();
  }
}
