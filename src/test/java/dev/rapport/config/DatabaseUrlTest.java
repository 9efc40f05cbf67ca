package dev.rapport.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DatabaseUrlTest {

    @Test
    void passwordAndUserParametersOfAJdbcUrlLeaveTheUrlInAnyCase() {
        var url = DatabaseUrl.parse(
                "jdbc:postgresql://db.example.com/crm?User=rapport&PASSWORD=s3cr%26t&sslmode=require");
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example.com/crm?sslmode=require");
        assertThat(url.user()).isEqualTo("rapport");
        assertThat(url.password()).isEqualTo("s3cr&t");
        assertThat(url.redacted()).doesNotContain("s3cr");
    }

    @Test
    void redactHidesEveryFormOfPassword() {
        assertThat(DatabaseUrl.redact("jdbc:postgresql://h/db?PassWord=abc123&ssl=true"))
                .doesNotContain("abc123")
                .contains("ssl=true");
        assertThat(DatabaseUrl.redact("jdbc:postgresql://h/db;password=abc123")).doesNotContain("abc123");
        assertThat(DatabaseUrl.redact("postgres://rapport:abc@123@h:5432/db"))
                .doesNotContain("abc")
                .contains("rapport");
    }
}
