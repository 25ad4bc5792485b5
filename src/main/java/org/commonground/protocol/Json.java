package org.commonground.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.buffer.Buffer;
import java.io.UncheckedIOException;
import java.util.Map;
import org.commonground.workshop.Event;

/** The one configured ObjectMapper, and small helpers around it. */
public final class Json {
  private Json() {}

  /** Events are stored with a type tag (the record's simple name) so any node can read them back. */
  @JsonTypeInfo(use = JsonTypeInfo.Id.SIMPLE_NAME, property = "type")
  private interface EventMixin {}

  public static final ObjectMapper MAPPER = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
      // One JSON object per frame: anything after it is an error, never silently dropped.
      .configure(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, true)
      .setSerializationInclusion(JsonInclude.Include.ALWAYS)
      .addMixIn(Event.class, EventMixin.class);

  static {
    MAPPER.registerSubtypes(Event.class.getPermittedSubclasses());
  }

  public static ObjectNode object() { return JsonNodeFactory.instance.objectNode(); }

  public static Buffer buffer(JsonNode node) {
    try {
      return Buffer.buffer(MAPPER.writeValueAsBytes(node));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String string(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code s} as a JSON string literal, escaped as every generator here escapes it. */
  public static String literal(String s) {
    StringBuilder b = new StringBuilder(s.length() + 8).append('"');
    JsonStringEncoder.getInstance().quoteAsString(s, b);
    return b.append('"').toString();
  }

  /**
   * An ack's result as JSON: the same text as {@link #string}, written directly when every value is a string,
   * a whole number, true, false or null (the result of nearly every command), through databind otherwise.
   */
  public static String result(Map<String, Object> result) {
    StringBuilder b = new StringBuilder(32).append('{');
    for (Map.Entry<String, Object> e : result.entrySet()) {
      Object v = e.getValue();
      if (b.length() > 1) b.append(',');
      b.append(literal(e.getKey())).append(':');
      if (v == null || v instanceof Boolean || v instanceof Integer || v instanceof Long) b.append(v);
      else if (v instanceof String str) b.append(literal(str));
      else return string(result);
    }
    return b.append('}').toString();
  }

  public static JsonNode tree(Object value) { return MAPPER.valueToTree(value); }

  /** Parses client input; anything that is not a JSON object is INVALID. */
  public static ObjectNode parseObject(String text) {
    JsonNode node;
    try {
      node = MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw ProtocolException.invalid("not valid JSON");
    }
    if (node == null || !node.isObject()) throw ProtocolException.invalid("expected a JSON object");
    return (ObjectNode) node;
  }

  public static <T> T read(String text, Class<T> type) {
    try {
      return MAPPER.readValue(text, type);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
