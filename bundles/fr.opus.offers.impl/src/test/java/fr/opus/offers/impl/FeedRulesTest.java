package fr.opus.offers.impl;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The feed's identifier rules: event ids of 1 to 64 letters, digits or . _ : -; offer ids of 1 to 20 alphanumerics. */
class FeedRulesTest {

    @Test
    void eventIdsAcceptUuidsAndFranceTravailKeysOnly() {
        assertTrue(FeedRules.identifier("3f2b6c1e-8a4d-4c2e-9b7a-0d5e6f7a8b9c", 64, "._:-"));
        assertTrue(FeedRules.identifier("FT:2026.11.23_000001", 64, "._:-"));
        assertTrue(FeedRules.identifier("x".repeat(64), 64, "._:-"));
        assertFalse(FeedRules.identifier("x".repeat(65), 64, "._:-"), "too long");
        assertFalse(FeedRules.identifier("", 64, "._:-"), "empty");
        assertFalse(FeedRules.identifier("évènement", 64, "._:-"), "accents are not ASCII");
        assertFalse(FeedRules.identifier("a b", 64, "._:-"), "space");
        assertFalse(FeedRules.identifier("a/b", 64, "._:-"), "slash");
    }

    @Test
    void offerIdsAreAlphanumeric() {
        assertTrue(FeedRules.identifier("201WLXK", 20, ""));
        assertFalse(FeedRules.identifier("201-WLXK", 20, ""), "no separators");
        assertFalse(FeedRules.identifier("A".repeat(21), 20, ""), "too long");
    }
}
