package org.commonground.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.commonground.themes.Note;

/** The theme clustering dev set (../shared/data/themes-dev.json), workshop by workshop. */
public record DevSet(List<Workshop> workshops) {

  public record Item(String id, String text, String theme) {
    public Note note() {
      return new Note(id, text);
    }
  }

  public record Workshop(String name, List<Item> items) {
    public List<Note> notes() {
      return items.stream().map(Item::note).toList();
    }

    public List<String> gold() {
      return items.stream().map(Item::theme).toList();
    }
  }

  /**
   * The file named by {@code -Dthemes.devset}, else {@code ../shared/data/themes-dev.json} from the
   * working directory (the repository root under Maven; CI keeps shared/ beside the repository).
   */
  public static Path locate() {
    String given = System.getProperty("themes.devset");
    Path p = given != null ? Path.of(given) : Path.of("..", "shared", "data", "themes-dev.json");
    return p.toAbsolutePath().normalize();
  }

  public static DevSet load(Path file) throws IOException {
    JsonNode root = new ObjectMapper().readTree(Files.readString(file));
    List<Workshop> ws = new ArrayList<>();
    for (JsonNode w : root) {
      List<Item> items = new ArrayList<>();
      for (JsonNode c : w.get("contributions")) {
        items.add(new Item(c.get("id").asText(), c.get("text").asText(), c.get("theme").asText()));
      }
      ws.add(new Workshop(w.get("workshop").asText(), List.copyOf(items)));
    }
    return new DevSet(List.copyOf(ws));
  }
}
