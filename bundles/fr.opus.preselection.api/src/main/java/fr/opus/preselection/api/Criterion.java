package fr.opus.preselection.api;

/**
 * A complementary criterion of a <i>valorisation</i>, agreed with the employer.
 *
 * @param name   what is assessed ("Maîtrise du logiciel de caisse"), unique on the offer
 * @param weight its weight, 1 to 5
 */
public record Criterion(String name, int weight) {
}
