package health.patchwork.esr.outbound.api;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import health.patchwork.esr.outbound.registration.Registrations;
import health.patchwork.esr.support.web.Paging;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Workers and assignments as ESR last sent them, as of today or a given date. */
@RestController
@Validated
@RequestMapping("/api/v1")
@Tag(name = "Workers")
public class WorkerController {

    private final WorkforceQueries queries;
    private final Registrations registrations;
    private final Clock clock;

    public WorkerController(WorkforceQueries queries, Registrations registrations, Clock clock) {
        this.queries = queries;
        this.registrations = registrations;
        this.clock = clock;
    }

    @GetMapping("/workers")
    @Operation(summary = "List workers, each as their person slice in force on asOf (default today)")
    public ApiModel.Page<ApiModel.Worker> workers(
            @RequestParam(defaultValue = "0") @Min(0) @Max(Paging.MAX_PAGE) int page,
            @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int size,
            @Parameter(description = "only workers whose person or assignment rows changed after this instant")
            @RequestParam(required = false) Instant updatedSince,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        List<ApiModel.Worker> rows = queries.workers(day(asOf), updatedSince, Paging.offset(page, size), size + 1);
        return new ApiModel.Page<>(rows.stream().limit(size).toList(), page, size, rows.size() > size);
    }

    @GetMapping("/workers/{employeeNumber}")
    @Operation(summary = "One worker by employee number, with assignments and professional registrations")
    public ApiModel.WorkerDetail worker(@PathVariable String employeeNumber,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        LocalDate day = day(asOf);
        ApiModel.Worker worker = queries.workerByEmployeeNumber(employeeNumber, day)
                .orElseThrow(() -> Problems.notFound("A worker with this employee number"));
        return new ApiModel.WorkerDetail(worker, queries.assignmentsOf(worker.personId(), day),
                registrations.of(worker.personId()));
    }

    @GetMapping("/assignments/{assignmentNumber}")
    @Operation(summary = "One assignment by assignment number, as its slice in force on asOf (default today)")
    public ApiModel.Assignment assignment(@PathVariable String assignmentNumber,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        return queries.assignmentByNumber(assignmentNumber, day(asOf))
                .orElseThrow(() -> Problems.notFound("An assignment with this number"));
    }

    private LocalDate day(LocalDate asOf) {
        return asOf != null ? asOf : LocalDate.now(clock);
    }
}
