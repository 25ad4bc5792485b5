package org.commonground.transport;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import org.commonground.hub.Hub;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.commonground.protocol.Json;
import org.commonground.report.CsvReport;
import org.commonground.report.DocxReport;
import org.commonground.report.MarkdownReport;
import org.commonground.report.PdfReport;
import org.commonground.report.Report;
import org.commonground.report.Reports;
import org.commonground.report.Words;
import org.commonground.store.TokenGrant;

/**
 * {@code GET /api/workshops/{id}/report}: the outcome report for this workshop's facilitators, at any time
 * (during the workshop too). Every format is rendered from the one {@link Report}; the file is named for the
 * workshop and its date, so a download folder of reports sorts and reads well.
 */
final class ReportRoute {
  private static final Map<String, String> TYPES = Map.of(
      "md", "text/markdown; charset=utf-8",
      "json", "application/json; charset=utf-8",
      "csv", "text/csv; charset=utf-8",
      "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      "pdf", "application/pdf");

  private static final Logger LOG = LoggerFactory.getLogger(ReportRoute.class);

  private final Hub hub;
  private final BiFunction<String, String, Future<TokenGrant>> facilitatorOf;

  ReportRoute(Hub hub, BiFunction<String, String, Future<TokenGrant>> facilitatorOf) {
    this.hub = hub;
    this.facilitatorOf = facilitatorOf;
  }

  void mount(Router router) {
    router.get("/api/workshops/:id/report").handler(this::report);
  }

  private void report(RoutingContext ctx) {
    String workshopId = ctx.pathParam("id");
    String format = ctx.queryParams().get("format") == null ? "md" : ctx.queryParams().get("format");
    String type = TYPES.get(format);
    if (type == null) {
      HttpError.send(ctx, 400, "INVALID", "format must be one of " + String.join(", ", TYPES.keySet().stream().sorted().toList()));
      return;
    }
    String lang = ctx.queryParams().get("lang");
    if (lang != null && !lang.equals("en") && !lang.equals("cy")) {
      HttpError.send(ctx, 400, "INVALID", "lang must be en or cy");
      return;
    }
    facilitatorOf.apply(ApiRoutes.bearer(ctx), workshopId)
        .compose(g -> hub.read(workshopId, Reports::of))
        .compose(report -> render(ctx, report, format, Words.of(lang == null ? report.lang() : lang))
            .map(body -> {
              ctx.response().putHeader("Content-Type", type)
                  .putHeader("Content-Disposition", "attachment; filename=\"" + fileName(report, format) + "\"")
                  .putHeader("Cache-Control", "no-store")
                  .end(body);
              return body;
            }))
        .onFailure(ctx::fail);
  }

  /**
   * Word and PDF files take tens of milliseconds of CPU to build: they are made on a worker thread, never on
   * the event loop that serves the workshop's live connections. The text formats are quick and made in place.
   */
  private static Future<Buffer> render(RoutingContext ctx, Report report, String format, Words words) {
    if (format.equals("docx")) {
      return ctx.vertx().executeBlocking(() -> Buffer.buffer(DocxReport.render(report, words)), false);
    }
    if (format.equals("pdf")) {
      return ctx.vertx().<Buffer>executeBlocking(() -> Buffer.buffer(PdfReport.render(report, words)), false)
          .recover(e -> {
            if (!(e instanceof PdfReport.FontMissing)) return Future.failedFuture(e);
            // A machine set up without the font: say so to the facilitator and the operator, not "went wrong".
            LOG.warn(e.getMessage());
            return Future.failedFuture(new ApiRoutes.HttpStatusException(503, "UNAVAILABLE",
                "PDF reports are not set up on this server; the other formats work. " + e.getMessage()));
          });
    }
    return Future.succeededFuture(Buffer.buffer(switch (format) {
      case "md" -> MarkdownReport.render(report, words).getBytes(StandardCharsets.UTF_8);
      case "csv" -> CsvReport.bytes(report, words);
      default -> Json.string(report).getBytes(StandardCharsets.UTF_8);
    }));
  }

  /** "better-hospital-discharge-2026-12-01.docx": the title in plain ASCII letters (ŵ becomes w), and the date. */
  static String fileName(Report r, String format) {
    String ascii = Normalizer.normalize(r.title(), Normalizer.Form.NFD).replaceAll("\\p{M}", "")
        .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    if (ascii.length() > 60) ascii = ascii.substring(0, 60).replaceAll("-+$", "");
    if (ascii.isEmpty()) ascii = "workshop";
    return ascii + "-" + Instant.ofEpochMilli(r.createdAt()).atZone(ZoneOffset.UTC).toLocalDate() + "." + format;
  }
}
