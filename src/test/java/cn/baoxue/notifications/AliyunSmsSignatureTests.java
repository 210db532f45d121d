package cn.baoxue.notifications;

import cn.baoxue.testing.QuickTier;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Baoxue signs Alibaba Cloud calls as the documentation does, checked on the documentation's own example. */
@QuickTier
class AliyunSmsSignatureTests {

  /** The example request of Alibaba Cloud's RPC signature documentation (DescribeRegions, secret "testsecret"). */
  private static final Map<String, String> DOCUMENTED_EXAMPLE = Map.of(
      "AccessKeyId", "testid",
      "Action", "DescribeRegions",
      "Format", "XML",
      "SignatureMethod", "HMAC-SHA1",
      "SignatureNonce", "3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf",
      "SignatureVersion", "1.0",
      "Timestamp", "2016-02-23T12:46:24Z",
      "Version", "2014-05-26");

  @Test
  void theDocumentedExampleGetsTheDocumentedSignature() {
    TreeMap<String, String> parameters = new TreeMap<>(DOCUMENTED_EXAMPLE);

    assertThat(AliyunSmsSignature.stringToSign("GET", parameters)).isEqualTo("GET&%2F&AccessKeyId%3Dtestid%26Action%3DDescribeRegions"
        + "%26Format%3DXML%26SignatureMethod%3DHMAC-SHA1%26SignatureNonce%3D3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf"
        + "%26SignatureVersion%3D1.0%26Timestamp%3D2016-02-23T12%253A46%253A24Z%26Version%3D2014-05-26");
    assertThat(AliyunSmsSignature.sign("GET", parameters, "testsecret")).isEqualTo("OLeaidS1JvxuMvnyHOwuJ+uX5qY=");
  }

  @Test
  void chineseSignNamesJsonAndReservedCharactersAreEncodedAsTheProviderChecksThem() throws Exception {
    TreeMap<String, String> parameters = new TreeMap<>(Map.of("SignName", "保学 控辍", "TemplateParam", "{\"title\":\"新的待办*~\"}",
        "PhoneNumbers", "13800000011,13800000012", "Timestamp", "2026-12-07T06:30:00Z"));

    assertThat(AliyunSmsSignature.percentEncode("保学 a+b*c~")).isEqualTo(AliyunRpcSignature.rfc3986("保学 a+b*c~"))
        .isEqualTo("%E4%BF%9D%E5%AD%A6%20a%2Bb%2Ac~");
    assertThat(AliyunSmsSignature.sign("POST", parameters, "k3y")).isEqualTo(AliyunRpcSignature.signatureOf("POST", parameters, "k3y"));
  }
}
