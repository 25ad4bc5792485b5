package org.commonground.workshop;

import java.util.List;

/**
 * The ladder of co-production poll, asked so that everyone in the room can answer it: a carer or an
 * expert by experience is asked about people like them, not about "our organisation", and each rung
 * says in one short line what it means, after its usual name (facilitators and reports know the names).
 * Rungs go bottom to top.
 */
public final class Ladder {
  private Ladder() {}

  public static String question(Lang lang) {
    return lang.pick("How much are people like you involved in decisions here?",
        "Faint o lais sydd gan bobl fel chi yn y penderfyniadau sy'n cael eu gwneud yma?");
  }

  public static List<String> rungs(Lang lang) {
    return lang == Lang.CY ? CY : EN;
  }

  private static final List<String> EN = List.of(
      "Coercing: others decide, and we have to go along with it",
      "Educating: they try to get us to agree with what is already decided",
      "Informing: we are told what has been decided",
      "Consulting: we are asked what we think, but they decide",
      "Engaging: we have more say, but they still decide",
      "Co-designing: we help plan and design things with them",
      "Co-producing: we decide and do things together as equal partners");

  private static final List<String> CY = List.of(
      "Gorfodi: mae eraill yn penderfynu, ac mae'n rhaid i ni dderbyn hynny",
      "Addysgu: maen nhw'n ceisio ein cael ni i gytuno â'r hyn sydd wedi'i benderfynu'n barod",
      "Hysbysu: rydyn ni'n cael gwybod beth sydd wedi'i benderfynu",
      "Ymgynghori: maen nhw'n gofyn beth rydyn ni'n ei feddwl, ond nhw sy'n penderfynu",
      "Ymgysylltu: mae gennym ni fwy o lais, ond nhw sy'n penderfynu o hyd",
      "Cyd-ddylunio: rydyn ni'n helpu i gynllunio a dylunio pethau gyda nhw",
      "Cyd-gynhyrchu: rydyn ni'n penderfynu ac yn gwneud pethau gyda'n gilydd fel partneriaid cyfartal");
}
