package health.patchwork.esr.support.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.validation.beanvalidation.LocalValidatorFactoryBean;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

class ProblemDetailsAdviceTest {

    record Line(@NotBlank String lineId, @NotNull BigDecimal hours, LocalDate workDate) {
    }

    record Batch(@NotNull @Size(max = 2) List<@Valid Line> lines) {
    }

    record Page(@jakarta.validation.constraints.Min(0) int size) {
    }

    private static final jakarta.validation.Validator VALIDATOR =
            jakarta.validation.Validation.buildDefaultValidatorFactory().getValidator();

    @RestController
    static class TestController {
        @PostMapping("/batches")
        String accept(@Valid @RequestBody Batch batch) {
            return "ok";
        }

        @GetMapping("/violated")
        String violated() {
            throw new jakarta.validation.ConstraintViolationException(VALIDATOR.validate(new Page(-1)));
        }

        @GetMapping("/undecodable")
        String undecodable() {
            // what Tomcat throws when the query string is not valid percent-encoded UTF-8, e.g. ?q=%E2%82
            throw new org.apache.tomcat.util.http.InvalidParameterException("QQ123456C");
        }

        @GetMapping("/database-down")
        String databaseDown() {
            throw new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
                    new SQLException("Connection to 127.0.0.1:5432 refused", "08001"));
        }

        @GetMapping("/commit-lost")
        String commitLost() {
            throw new TransactionSystemException("Could not roll back JDBC transaction",
                    new SQLException("This connection has been closed.", "08003"));
        }

        @GetMapping("/rollback-on-closed-connection")
        String rollbackOnClosedConnection() {
            // as the full run saw it: the pool had closed the broken connection, so the rollback failed as well
            throw new TransactionSystemException("Could not roll back JDBC transaction",
                    new SQLException("Connection is closed"));
        }

        @GetMapping("/commit-refused")
        String commitRefused() {
            throw new TransactionSystemException("No transaction is active", new IllegalStateException("no JDBC"));
        }

        @GetMapping("/boom")
        String boom() {
            throw new IllegalStateException("secret detail: QQ123456C");
        }
    }

    private final MockMvc mvc = mockMvc();

    private static MockMvc mockMvc() {
        LocalValidatorFactoryBean validator = new LocalValidatorFactoryBean();
        validator.afterPropertiesSet();
        // the builder form lets Spring add its ProblemDetail mix-in, as Boot's converter does
        JsonMapper.Builder mapper = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        return MockMvcBuilders.standaloneSetup(new TestController())
                .setControllerAdvice(new ProblemDetailsAdvice())
                .setValidator(validator)
                .setMessageConverters(new JacksonJsonHttpMessageConverter(mapper))
                .build();
    }

    private org.springframework.test.web.servlet.ResultActions postJson(String body) throws Exception {
        return mvc.perform(post("/batches").contentType(MediaType.APPLICATION_JSON).content(body));
    }

    @Test
    void aValidationFailureNamesTheFieldByItsPath() throws Exception {
        postJson("{\"lines\":[{\"lineId\":\"a\",\"hours\":1},{\"lineId\":\"\",\"hours\":2}]}")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.errors[0].field").value("lines[1].lineId"));
    }

    @Test
    void aParameterConstraintIsABadRequestNamingTheParameterNotAnInternalError() throws Exception {
        mvc.perform(get("/violated"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("size"))
                .andExpect(jsonPath("$.errors[0].reason").value(Matchers.containsString("0")));
    }

    @Test
    void anUndecodableQueryStringIsABadRequestNotAnInternalError() throws Exception {
        mvc.perform(get("/undecodable"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("query"))
                .andExpect(content().string(Matchers.not(Matchers.containsString("QQ123456C"))));
    }

    @Test
    void malformedJsonIsAProblemNotAStackTrace() throws Exception {
        postJson("{\"lines\": [ {\"lineId\": ")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("body"));
    }

    @Test
    void aWrongTypeNamesTheFieldWithoutEchoingTheValue() throws Exception {
        postJson("{\"lines\":[{\"lineId\":\"a\",\"hours\":\"QQ123456C\"}]}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("lines[0].hours"))
                .andExpect(jsonPath("$.errors[0].reason").value("must be a number"))
                .andExpect(content().string(Matchers.not(Matchers.containsString("QQ123456C"))));
    }

    @Test
    void anUnknownFieldIsNamed() throws Exception {
        postJson("{\"lines\":[{\"lineId\":\"a\",\"hours\":1,\"nino\":\"x\"}]}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("lines[0].nino"))
                .andExpect(jsonPath("$.errors[0].reason").value("unknown field"));
    }

    @Test
    void anUnexpectedErrorGivesAReferenceAndNoDetail() throws Exception {
        mvc.perform(get("/boom"))
                .andExpect(status().isInternalServerError())
                .andExpect(jsonPath("$.reference").exists())
                .andExpect(content().string(Matchers.not(Matchers.containsString("QQ123456C"))))
                .andExpect(content().string(Matchers.not(Matchers.containsString("IllegalStateException"))));
    }

    @Test
    void anUnreachableDatabaseIsA503ProblemToRetryNotA500() throws Exception {
        mvc.perform(get("/database-down"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(header().string("Retry-After", "5"))
                .andExpect(jsonPath("$.type").value("urn:esr-suite:problem:database-unavailable"))
                .andExpect(content().string(Matchers.not(Matchers.containsString("5432"))));
    }

    /** Found by the database-restart scenario: the database stopped between a transaction's work and its commit. */
    @Test
    void aTransactionWhoseConnectionWasLostIsA503AndOtherTransactionFailuresStay500() throws Exception {
        mvc.perform(get("/commit-lost"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.type").value("urn:esr-suite:problem:database-unavailable"));
        mvc.perform(get("/rollback-on-closed-connection"))
                .andExpect(status().isServiceUnavailable());
        mvc.perform(get("/commit-refused"))
                .andExpect(status().isInternalServerError());
    }
}
