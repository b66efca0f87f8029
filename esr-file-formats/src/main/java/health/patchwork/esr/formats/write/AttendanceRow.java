package health.patchwork.esr.formats.write;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One ATT record (docs/spec/inbound-files.md §2.1). The operation is always ADD.
 *
 * @param effectiveDate       field 1, the file creation date by default
 * @param employeeReference   field 3, blank by default
 * @param assignmentNumber    field 4, AS field 7
 * @param earnedDate          field 5, the date the work was done; null = blank
 * @param elementName         field 6, from the pay-code mapping
 * @param inputValues         up to 15, written from pair 1 without gaps
 * @param costing             columns 37–42; null = none
 */
public record AttendanceRow(LocalDate effectiveDate, String employeeReference, String assignmentNumber,
                            LocalDate earnedDate, String elementName, List<InputValue> inputValues, Costing costing) {

    public static final int MAX_INPUT_VALUES = 15;

    public AttendanceRow {
        Objects.requireNonNull(effectiveDate, "effectiveDate");
        inputValues = inputValues == null ? List.of() : List.copyOf(inputValues);
        costing = costing == null ? Costing.NONE : costing;
    }
}
