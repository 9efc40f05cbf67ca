package dev.rapport.offer;

import java.time.Instant;

/** A customer's code for an offer. {@code redeemedAt} is null until it is used. */
public record IssuedOffer(Offer offer, String code, Instant issuedAt, Instant redeemedAt) {}
