package org.commonground.protocol;

import java.util.List;
import java.util.ArrayList;
import com.fasterxml.jackson.databind.JsonNode;

/** Typed reads from a client's JSON arguments: a wrong type or a missing required field is INVALID. */
public final class Args {
  private final JsonNode node;

  public Args(JsonNode node) {
    if (node != null && !node.isNull() && !node.isObject()) throw ProtocolException.invalid("args must be an object");
    this.node = node == null || node.isNull() ? Json.object() : node;
  }

  public String string(String field) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) throw ProtocolException.invalid(field + " is required");
    if (!v.isTextual()) throw ProtocolException.invalid(field + " must be a string");
    if (!ClientFrame.wellFormed(v.textValue())) throw ProtocolException.invalid(field + " is not valid Unicode text");
    return v.textValue();
  }

  public String optString(String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? null : string(field);
  }

  public Boolean optBoolean(String field) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) return null;
    if (!v.isBoolean()) throw ProtocolException.invalid(field + " must be true or false");
    return v.booleanValue();
  }

  public Args optObject(String field) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) return null;
    if (!v.isObject()) throw ProtocolException.invalid(field + " must be an object");
    return new Args(v);
  }

  public int integer(String field) {
    Integer v = optInt(field);
    if (v == null) throw ProtocolException.invalid(field + " is required");
    return v;
  }

  public boolean bool(String field) {
    Boolean v = optBoolean(field);
    if (v == null) throw ProtocolException.invalid(field + " is required");
    return v;
  }

  public Integer optInt(String field) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) return null;
    if (!v.isIntegralNumber() || !v.canConvertToInt()) throw ProtocolException.invalid(field + " must be a whole number");
    return v.intValue();
  }

  public Long optLong(String field) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) return null;
    if (!v.isIntegralNumber() || !v.canConvertToLong()) throw ProtocolException.invalid(field + " must be a whole number");
    return v.longValue();
  }

  public JsonNode raw(String field) { return node.get(field); }

  public List<String> strings(String field) {
    List<String> v = optStrings(field);
    if (v == null) throw ProtocolException.invalid(field + " is required");
    return v;
  }

  /** A list of strings, or null when absent; at most 1000 items. */
  public List<String> optStrings(String field) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) return null;
    if (!v.isArray() || v.size() > 1000) throw ProtocolException.invalid(field + " must be a list of ids");
    List<String> out = new ArrayList<>();
    for (JsonNode x : v) {
      if (!x.isTextual() || !ClientFrame.wellFormed(x.textValue())) {
        throw ProtocolException.invalid(field + " must be a list of ids");
      }
      out.add(x.textValue());
    }
    return out;
  }

  public List<Integer> optInts(String field) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) return null;
    if (!v.isArray() || v.size() > 1000) throw ProtocolException.invalid(field + " must be a list of numbers");
    List<Integer> out = new ArrayList<>();
    for (JsonNode x : v) {
      if (!x.isIntegralNumber() || !x.canConvertToInt()) throw ProtocolException.invalid(field + " must be a list of numbers");
      out.add(x.intValue());
    }
    return out;
  }
}
