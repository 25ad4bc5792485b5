package org.commonground.store;

/**
 * Every Redis key name, in one place. A workshop's keys share the hash tag {@code {w:ID}} so they live
 * in one Redis Cluster slot and one script may touch them all.
 */
public final class Keys {
  private final String prefix;

  public Keys(String prefix) { this.prefix = prefix; }

  private String w(String workshopId) { return prefix + ":{w:" + workshopId + "}:"; }

  public String seq(String workshopId) { return w(workshopId) + "seq"; }
  public String log(String workshopId) { return w(workshopId) + "log"; }
  public String epoch(String workshopId) { return w(workshopId) + "epoch"; }
  public String channel(String workshopId) { return w(workshopId) + "ch"; }
  public String presence(String workshopId) { return w(workshopId) + "presence"; }
  public String ref(String workshopId, String participantId, String ref) {
    return w(workshopId) + "ref:" + participantId + ":" + ref;
  }
  /** Contributions' words, kept apart from the log so they can be erased: id → JSON string. */
  public String texts(String workshopId) { return w(workshopId) + "texts"; }
  /** Hidden contributions' words, for facilitators only (unhiding restores them from here). */
  public String hiddenTexts(String workshopId) { return w(workshopId) + "hidden"; }
  public String token(String workshopId, String tokenHash) { return w(workshopId) + "tok:" + tokenHash; }
  /** The names of every token key of a workshop, so its end can expire them all. */
  public String tokens(String workshopId) { return w(workshopId) + "tokens"; }

  /** Matches every key of one workshop (its hash tag is a literal in the pattern). */
  public String pattern(String workshopId) { return w(workshopId).replace("{", "\\{").replace("}", "\\}") + "*"; }

  public String joinCode(String code) { return prefix + ":code:" + code; }
  public String failedJoins(String address) { return prefix + ":joinfail:" + address; }
  public String creations(String address) { return prefix + ":create:" + address; }

  /** The workshop id a channel name belongs to, or null for a channel not ours. */
  public String workshopOfChannel(String channel) {
    String start = prefix + ":{w:";
    if (!channel.startsWith(start) || !channel.endsWith("}:ch")) return null;
    return channel.substring(start.length(), channel.length() - "}:ch".length());
  }
}
