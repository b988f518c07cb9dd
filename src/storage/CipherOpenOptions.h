#pragma once

// What a caller may choose when opening the encrypted cache; everything else is fixed by the driver.

namespace fc {

struct CipherOpenOptions {
    /// Create an empty cache when the file does not exist; otherwise a missing file is "cache.not_found".
    bool createIfMissing = true;
    /// Page cache per connection, in KiB (SQLCipher's default of 2 MiB is too small for search).
    int cacheSizeKiB = 32 * 1024;
    /// How long a statement waits for another connection's write lock before failing with SQLITE_BUSY.
    int busyTimeoutMs = 5000;
    /// BENCHMARKS ONLY (bench_search): open the file as plain, unencrypted SQLite, ignoring the key, to
    /// measure what encryption costs with the same driver and code. Never set for a real cache.
    bool benchmarkOnlyWithoutEncryption = false;
};

} // namespace fc
