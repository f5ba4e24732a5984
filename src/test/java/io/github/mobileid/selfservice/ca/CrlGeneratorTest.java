package io.github.mobileid.selfservice.ca;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.bouncycastle.asn1.ASN1GeneralizedTime;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1UTCTime;
import org.junit.jupiter.api.Test;

class CrlGeneratorTest {

    @Test
    void timesUpTo2049AreUtcTimes() {
        Instant lastUtcSecond = Instant.parse("2049-12-31T23:59:59Z");

        ASN1Primitive time = CrlGenerator.time(lastUtcSecond).toASN1Primitive();

        assertThat(time).isInstanceOf(ASN1UTCTime.class);
        assertThat(((ASN1UTCTime) time).getTime()).isEqualTo("491231235959GMT+00:00");
        assertThat(CrlGenerator.time(lastUtcSecond).getDate().toInstant()).isEqualTo(lastUtcSecond);
    }

    @Test
    void timesFrom2050AreGeneralizedTimes() {
        Instant firstSecond = Instant.parse("2050-01-01T00:00:00Z");

        ASN1Primitive time = CrlGenerator.time(firstSecond).toASN1Primitive();

        assertThat(time).isInstanceOf(ASN1GeneralizedTime.class);
        assertThat(((ASN1GeneralizedTime) time).getTimeString()).isEqualTo("20500101000000Z");
    }

    @Test
    void invalidityDatesAreGeneralizedTimesWithoutFractions() throws Exception {
        Instant lostSince = Instant.parse("2026-07-08T09:10:11.999Z");

        ASN1Primitive time = ASN1Primitive.fromByteArray(CrlGenerator.generalizedTime(lostSince));

        assertThat(time).isInstanceOf(ASN1GeneralizedTime.class);
        assertThat(((ASN1GeneralizedTime) time).getTimeString()).isEqualTo("20260708091011Z");
    }
}
