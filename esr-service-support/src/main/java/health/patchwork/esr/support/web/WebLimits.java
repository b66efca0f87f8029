package health.patchwork.esr.support.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * How much a client may send in one request. A JSON endpoint takes at most 1,000 items of a few hundred bytes each,
 * so 2MB leaves room; without a cap Jackson would build a list of millions before the 1,000-item check ran.
 *
 * @param maxRequestSize largest request body accepted (multipart uploads of GO files excepted: they have Boot's
 *        {@code spring.servlet.multipart.*} limits), checked against Content-Length and counted for chunked bodies
 * @param json limits of the JSON parser itself, for bodies and for any JSON the services read
 */
@Validated
@ConfigurationProperties("esr.web")
public record WebLimits(
        @DefaultValue("2MB") @NotNull DataSize maxRequestSize,
        @DefaultValue @NotNull @Valid Json json) {

    @AssertTrue(message = "must be between 1KB and 1GB")
    public boolean isMaxRequestSize() {
        return maxRequestSize == null || maxRequestSize.toBytes() >= 1024
                && maxRequestSize.compareTo(DataSize.ofGigabytes(1)) <= 0;
    }

    /**
     * Jackson's {@code StreamReadConstraints}. Our bodies nest three or four levels and hold short strings; the
     * document length also covers JSON read from the database (file reports), so it is larger than a request.
     *
     * @param maxNestingDepth deepest nesting of arrays and objects
     * @param maxStringLength longest string value, in characters
     * @param maxNumberLength longest number, in characters
     * @param maxNameLength longest property name, in characters
     * @param maxDocumentLength longest JSON document read at all
     */
    public record Json(
            @DefaultValue("32") @Min(4) @Max(1000) int maxNestingDepth,
            @DefaultValue("100000") @Min(100) int maxStringLength,
            @DefaultValue("100") @Min(20) @Max(1000) int maxNumberLength,
            @DefaultValue("1000") @Min(50) int maxNameLength,
            @DefaultValue("64MB") @NotNull DataSize maxDocumentLength) {

        @AssertTrue(message = "must be at least 1KB")
        public boolean isMaxDocumentLength() {
            return maxDocumentLength == null || maxDocumentLength.toBytes() >= 1024;
        }
    }
}
