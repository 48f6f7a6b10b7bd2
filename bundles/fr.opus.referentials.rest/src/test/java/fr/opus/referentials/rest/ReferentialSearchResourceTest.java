package fr.opus.referentials.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import fr.opus.platform.api.OpusException;
import org.junit.jupiter.api.Test;

class ReferentialSearchResourceTest {

    @Test
    void limitDefaultsAndBounds() {
        assertEquals(10, ReferentialSearchResource.limit(null));
        assertEquals(1, ReferentialSearchResource.limit("1"));
        assertEquals(50, ReferentialSearchResource.limit(" 50 "));
    }

    @Test
    void badLimitIsA400NamingTheField() {
        for (String bad : new String[] {"0", "51", "dix", "-3", "1.5"}) {
            OpusException e = assertThrows(OpusException.class, () -> ReferentialSearchResource.limit(bad));
            assertEquals(400, e.status());
            assertEquals("invalid-parameter", e.code());
            assertEquals("limit", e.field());
        }
    }
}
