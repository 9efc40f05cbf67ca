package dev.rapport.offer;

import dev.rapport.domain.Tier;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One offer of the catalogue ({@code config/offers.yaml}). Immutable; validated by
 * {@link OfferSettings#load}.
 *
 * @param tiers      the tiers it is for
 * @param title      message key of its short name, in every language
 * @param text       message key of what the customer gets, in every language
 * @param validFrom  first day it can be shown, sent and redeemed (the business's time zone)
 * @param validUntil last such day
 * @param value      what one issued code may cost the business, counted against {@code maxValue}
 * @param maxSends   how many codes may be issued in all
 * @param maxValue   how much value may be issued in all
 * @param inMenu     shown under "My offers"; false for offers kept for campaigns or win-back
 */
public record Offer(
        String id,
        List<Tier> tiers,
        String title,
        String text,
        LocalDate validFrom,
        LocalDate validUntil,
        BigDecimal value,
        int maxSends,
        BigDecimal maxValue,
        boolean inMenu) {

    public boolean validOn(LocalDate day) {
        return !day.isBefore(validFrom) && !day.isAfter(validUntil);
    }

    public boolean forTier(Tier tier) {
        return tiers.contains(tier);
    }
}
