package org.commonground.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.commonground.workshop.Allow;
import org.commonground.workshop.Lang;
import org.commonground.workshop.PhaseDef;
import org.commonground.workshop.Settings;
import org.commonground.workshop.SettingsPatch;
import org.commonground.workshop.StakeholderGroup;
import org.commonground.workshop.Templates;

/** Reads the body of {@code POST /api/workshops}: title, template or phases, settings. */
public final class WorkshopSpecs {
  private WorkshopSpecs() {}

  /** {@code facilitatorName}: what the creator is called in the workshop (given, or the default in its language). */
  public record Spec(String title, List<PhaseDef> phases, Settings settings, String facilitatorName) {}

  public static Spec parse(JsonNode body) {
    Args a = new Args(body);
    String title = WorkshopBounds.title(a.string("title"));
    String template = a.optString("template");
    Lang lang = creationLang(a);
    JsonNode phasesNode = a.raw("phases");
    List<PhaseDef> phases;
    if (phasesNode != null && !phasesNode.isNull()) {
      if (template != null) throw ProtocolException.invalid("give template or phases, not both");
      phases = phases(phasesNode);
    } else {
      phases = Templates.named(template == null ? Templates.DEFAULT : template, lang)
          .orElseThrow(() -> ProtocolException.invalid("unknown template: " + template));
    }
    return new Spec(title, phases, settings(defaults(lang), a.optObject("settings")), facilitatorName(a, lang));
  }

  private static List<PhaseDef> phases(JsonNode node) {
    if (!node.isArray() || node.isEmpty()) throw ProtocolException.invalid("phases must be a list of phases");
    WorkshopBounds.phaseCount(node.size());
    List<PhaseDef> out = new ArrayList<>();
    try {
      for (JsonNode p : node) {
        Args pa = new Args(p);
        Integer minutes = pa.optInt("minutes");
        if (minutes == null) throw ProtocolException.invalid("each phase needs minutes");
        JsonNode allowNode = pa.raw("allow");
        Set<Allow> allow = Allow.defaults();
        if (allowNode != null && !allowNode.isNull()) {
          if (!allowNode.isArray()) throw ProtocolException.invalid("allow must be a list");
          allow = EnumSet.noneOf(Allow.class);
          for (JsonNode w : allowNode) {
            Allow x = w.isTextual() ? Allow.fromWire(w.textValue()) : null;
            if (x == null) throw ProtocolException.invalid("allow words are contribute, group, vote, react, poll, hand");
            allow.add(x);
          }
        }
        String title = pa.string("title");
        String prompt = pa.optString("prompt");
        WorkshopBounds.phase(out.size(), title, prompt);
        out.add(new PhaseDef(out.size(), title, minutes, prompt, allow));
      }
    } catch (IllegalArgumentException e) {
      throw ProtocolException.invalid(e.getMessage());
    }
    return out;
  }

  /** Merges given settings into {@code base}; unknown fields are ignored, wrong types are INVALID. */
  public static Settings settings(Settings base, Args s) {
    if (s == null) return base;
    try {
      return patch(s).applyTo(base);
    } catch (IllegalArgumentException e) {
      throw ProtocolException.invalid(e.getMessage());
    }
  }

  /** The settings a client gave, field by field (null: keep). */
  public static SettingsPatch patch(Args s) {
    if (s == null) return SettingsPatch.NONE;
    try {
      Settings.Anonymity anonymity = null;
      String an = s.optString("anonymity");
      if (an != null) {
        anonymity = Settings.Anonymity.fromWire(an);
        if (anonymity == null) throw ProtocolException.invalid("anonymity must be optional, always or never");
      }
      List<StakeholderGroup> groups = null;
      JsonNode g = s.raw("stakeholderGroups");
      if (g != null && !g.isNull()) {
        if (!g.isArray()) throw ProtocolException.invalid("stakeholderGroups must be a list");
        WorkshopBounds.groupCount(g.size());
        groups = new ArrayList<>();
        for (JsonNode x : g) {
          Args ga = new Args(x);
          String id = ga.string("id");
          String label = ga.string("label");
          WorkshopBounds.group(groups.size(), id, label);
          groups.add(new StakeholderGroup(id, label));
        }
      }
      Settings.ThemeEditing themeEditing = null;
      String te = s.optString("themeEditing");
      if (te != null) {
        themeEditing = Settings.ThemeEditing.fromWire(te);
        if (themeEditing == null) throw ProtocolException.invalid("themeEditing must be facilitators or everyone");
      }
      return new SettingsPatch(anonymity, s.optInt("votesPerParticipant"), s.optInt("maxParticipants"), groups,
          s.optInt("minGroupSize"), s.optBoolean("confidential"), s.optInt("retentionDays"),
          s.optBoolean("joiningLocked"), themeEditing)
          .withLang(lang(s.optString("lang")));
    } catch (IllegalArgumentException e) {
      throw ProtocolException.invalid(e.getMessage());
    }
  }

  // ---------------------------------------------------------------- language (English or Welsh)

  /** A wire language word ({@code "en"}, {@code "cy"}), or null when none was given. */
  public static Lang lang(String word) {
    if (word == null) return null;
    Lang l = Lang.fromWire(word);
    if (l == null) throw ProtocolException.invalid("lang must be " + Lang.WIRE_WORDS);
    return l;
  }

  /**
   * The language a workshop is created in: {@code lang}, or {@code settings.lang} (the same setting as
   * {@code workshop.update} changes), else English. Both may be given only if they agree.
   */
  private static Lang creationLang(Args a) {
    Lang top = lang(a.optString("lang"));
    Args s = a.optObject("settings");
    Lang inSettings = s == null ? null : lang(s.optString("lang"));
    if (top != null && inSettings != null && top != inSettings) {
      throw ProtocolException.invalid("lang and settings.lang say different languages");
    }
    return top != null ? top : inSettings != null ? inSettings : Lang.EN;
  }

  /** The default settings in a language: the stakeholder groups' names are in it too. */
  private static Settings defaults(Lang lang) {
    return new SettingsPatch(null, null, null, StakeholderGroup.defaults(lang), null, null, null, null, null, lang)
        .applyTo(Settings.DEFAULTS);
  }

  private static String facilitatorName(Args a, Lang lang) {
    String given = a.optString("facilitatorName");
    if (given == null || given.isBlank()) return Templates.facilitatorName(lang);
    String name = given.strip();
    if (name.codePointCount(0, name.length()) > 80) {
      throw ProtocolException.invalid("facilitatorName must be at most 80 characters");
    }
    return name;
  }
}
