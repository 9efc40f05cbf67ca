/**
 * The words of the domain that every package shares: {@link dev.rapport.domain.Tier},
 * {@link dev.rapport.domain.Language}, {@link dev.rapport.domain.Channel}, and how a text in either
 * language takes its values ({@link dev.rapport.domain.Placeholders}). Plain immutable values with no
 * dependencies, so any package may use them.
 */
package dev.rapport.domain;
