package fr.opus.referentials.api;

import java.time.Instant;

/**
 * One loaded reference file.
 *
 * @param name     dataset name ({@code communes})
 * @param source   where the data comes from, with its version
 * @param rows     rows loaded
 * @param checksum SHA-256 of the shipped file: a new file reloads the dataset
 * @param loadedAt when it was loaded
 */
public record Dataset(String name, String source, int rows, String checksum, Instant loadedAt) {
}
