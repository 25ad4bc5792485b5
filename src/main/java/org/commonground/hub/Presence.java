package org.commonground.hub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.commonground.protocol.Json;
import org.commonground.store.RedisWorkshopStore;

/**
 * Who is online in one workshop, across nodes: this node counts its own connections per participant
 * and hears every other node's list through the workshop's channel. A node that has not spoken for
 * {@link RedisWorkshopStore#PRESENCE_TTL_SECONDS} no longer counts, so a crashed node's people go offline.
 */
final class Presence {
  private record NodeList(Set<String> ids, long at) {}

  private final String nodeId;
  private final Map<String, Integer> local = new HashMap<>();
  private final Map<String, NodeList> remote = new HashMap<>();

  Presence(String nodeId) { this.nodeId = nodeId; }

  String nodeId() { return nodeId; }

  /** How many connections the person has to the workshop on this node. */
  int connections(String participantId) { return local.getOrDefault(participantId, 0); }

  /** Returns true if the participant was not online here before. */
  boolean connected(String participantId) {
    return local.merge(participantId, 1, Integer::sum) == 1;
  }

  /** Returns true if that was the participant's last connection here. */
  boolean disconnected(String participantId) {
    Integer n = local.computeIfPresent(participantId, (k, v) -> v > 1 ? v - 1 : null);
    return n == null;
  }

  Set<String> online(long now) {
    Set<String> all = new LinkedHashSet<>(local.keySet());
    long cutoff = now - RedisWorkshopStore.PRESENCE_TTL_SECONDS * 1000L;
    for (NodeList n : remote.values()) if (n.at() >= cutoff) all.addAll(n.ids());
    return all;
  }

  /** This node's message: {"node":…,"at":…,"online":[…]}. */
  String message(long now) {
    ObjectNode m = Json.object();
    m.put("node", nodeId).put("at", now);
    ArrayNode ids = m.putArray("online");
    local.keySet().forEach(ids::add);
    return Json.string(m);
  }

  /** Takes another node's message; returns false if it is ours or not a presence message. */
  boolean heard(String message) {
    JsonNode m = Json.parseObject(message);
    String node = m.path("node").asText(null);
    if (node == null || node.equals(nodeId)) return false;
    Set<String> ids = new HashSet<>();
    m.path("online").forEach(n -> ids.add(n.asText()));
    remote.put(node, new NodeList(ids, m.path("at").asLong()));
    return true;
  }

  boolean isEmptyHere() { return local.isEmpty(); }
}
