package org.commonground.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.buffer.Buffer;
import java.io.UncheckedIOException;
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
