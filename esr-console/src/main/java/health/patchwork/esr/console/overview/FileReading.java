package health.patchwork.esr.console.overview;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;

import health.patchwork.esr.console.overview.InterfaceView.FileGroup;
import health.patchwork.esr.console.overview.InterfaceView.FileLine;

/**
 * A service's {@code /actuator/esrfiles} (newest first) as the overview shows it: the last file each way, and the
 * files waiting for someone. GO files are the outbound ledger's rows ({@code direction} FROM_ESR, or TO_ESR for a
 * full-refresh request); TA and AB files are the inbound ledgers' rows (GENERATED, RENAMING, UPLOADED).
 */
final class FileReading {

    /** At most this many files of one group are listed; the group's count comes from health where it has one. */
    static final int LISTED = 10;

    private FileReading() {
    }

    static @Nullable FileLine lastOutbound(JsonNode files, String direction) {
        for (JsonNode file : files) {
            if (direction.equals(file.path("direction").asString())) {
                return outboundLine(file);
            }
        }
        return null;
    }

    static @Nullable FileLine lastInbound(JsonNode files) {
        for (JsonNode file : files) {
            return inboundLine(file);
        }
        return null;
    }

    static List<FileGroup> outboundWaiting(JsonNode files, @Nullable JsonNode health) {
        long held = count(health, "outboundFeed", "heldFiles");
        long quarantined = count(health, "outboundArrivals", "quarantinedFiles");
        List<FileGroup> groups = new ArrayList<>();
        groups.add(group("Held for a decision", "Approve or reject each one; nothing after it is applied until then.",
                files, f -> "HELD".equals(f.path("state").asString()), FileReading::outboundLine, held));
        groups.add(group("Quarantined", "Refused files, kept for a while so they can be processed again.",
                files, f -> "QUARANTINED".equals(f.path("state").asString()), FileReading::outboundLine,
                quarantined));
        return groups;
    }

    static List<FileGroup> inboundWaiting(JsonNode files) {
        return List.of(group("Not yet confirmed on the ESR mailbox",
                "Written but not known to be delivered; the service finishes them at its next export or start.",
                files, f -> !"UPLOADED".equals(f.path("state").asString()), FileReading::inboundLine, -1));
    }

    private static FileGroup group(String title, String explanation, JsonNode files, Predicate<JsonNode> which,
                                   java.util.function.Function<JsonNode, FileLine> line, long total) {
        List<FileLine> lines = new ArrayList<>();
        long found = 0;
        for (JsonNode file : files) {
            if (which.test(file)) {
                found++;
                if (lines.size() < LISTED) {
                    lines.add(line.apply(file));
                }
            }
        }
        return new FileGroup(title, explanation, lines, Math.max(total, found));
    }

    private static long count(@Nullable JsonNode health, String component, String detail) {
        if (health == null) {
            return -1;
        }
        JsonNode value = health.path("components").path(component).path("details").path(detail);
        return value.isNumber() ? value.asLong() : -1;
    }

    static FileLine outboundLine(JsonNode file) {
        String at = first(file, "appliedAt", "validatedAt", "downloadedAt", "discoveredAt", "updatedAt");
        String extract = file.path("extractType").asString("");
        String kind = switch (extract) {
            case "FULL" -> "full file";
            case "CHANGE" -> "change file";
            case "REFRESH_REQUEST" -> "full-refresh request";
            default -> extract.toLowerCase(java.util.Locale.ROOT);
        };
        String state = Words.code(file.path("state").asString(""));
        String outcome = Words.code(file.path("outcome").asString(""));
        String note = kind + (outcome.isEmpty() || outcome.equals(state) ? "" : "; " + outcome);
        return new FileLine(file.path("fileName").asString(""), state, Words.when(at), note);
    }

    static FileLine inboundLine(JsonNode file) {
        String at = first(file, "uploadedAt", "generatedAt");
        String period = file.path("period").asString("");
        String payroll = file.path("payroll").asString("");
        String note = "period " + period + ("S".equals(file.path("run").asString()) ? " (supplementary run)" : "")
                + (payroll.isEmpty() || "null".equals(payroll) ? "" : ", payroll " + payroll)
                + ", " + file.path("rows").asInt() + " rows";
        String state = switch (file.path("state").asString("")) {
            case "UPLOADED" -> "delivered to the mailbox";
            case "RENAMING" -> "being published on the mailbox";
            case "GENERATED" -> "written, not yet delivered";
            default -> Words.code(file.path("state").asString(""));
        };
        return new FileLine(file.path("fileName").asString(""), state, Words.when(at), note);
    }

    private static String first(JsonNode file, String... fields) {
        for (String field : fields) {
            if (file.hasNonNull(field)) {
                return file.get(field).asString();
            }
        }
        return "";
    }
}
