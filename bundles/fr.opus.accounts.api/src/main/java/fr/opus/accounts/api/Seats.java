package fr.opus.accounts.api;

import java.util.List;

/** The RGC's seat counter: the quota of annex 2, the seats taken and who holds them. */
public record Seats(String partnerId, int quota, int used, List<Seat> holders) {
}
