package cn.baoxue.notifications;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.SortedMap;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Alibaba Cloud's signature of RPC-style API calls (SignatureMethod HMAC-SHA1, SignatureVersion
 * 1.0), as its SMS documentation describes it: the parameters but Signature sorted by name, each
 * name and value percent-encoded (RFC 3986: space as %20, "*" as %2A, "~" kept) and joined with
 * "&"; the string to sign is the HTTP method, "&", the encoded "/", "&", and the encoded query;
 * the signature is Base64 of its HMAC-SHA1 under the AccessKey secret followed by "&".
 */
final class AliyunSmsSignature {

  private AliyunSmsSignature() {}

  static String canonicalQuery(SortedMap<String, String> parameters) {
    return parameters.entrySet().stream()
        .map(parameter -> percentEncode(parameter.getKey()) + "=" + percentEncode(parameter.getValue()))
        .collect(Collectors.joining("&"));
  }

  static String stringToSign(String method, SortedMap<String, String> parameters) {
    return method + "&" + percentEncode("/") + "&" + percentEncode(canonicalQuery(parameters));
  }

  static String sign(String method, SortedMap<String, String> parameters, String accessKeySecret) {
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec((accessKeySecret + "&").getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
      return Base64.getEncoder().encodeToString(mac.doFinal(stringToSign(method, parameters).getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA1 is not available", e);
    }
  }

  static String percentEncode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A").replace("%7E", "~");
  }

  /** The form body of a signed call: the canonical query and the signature. */
  static String signedForm(String method, SortedMap<String, String> parameters, String accessKeySecret) {
    return canonicalQuery(parameters) + "&" + percentEncode("Signature") + "=" + percentEncode(sign(method, parameters, accessKeySecret));
  }
}
