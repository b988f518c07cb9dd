#pragma once

// Replacing a profile's data key, and finishing or undoing a replacement that a crash interrupted.
//
// The rotation runs in three steps, each durable before the next starts:
//   1. the new data key is written, wrapped under the same password, beside the current key file
//      (ProfileLayout::pendingKeyFile) and the directory is synced;
//   2. the cache is re-encrypted under the new key (PRAGMA rekey: one SQLite transaction, so the cache
//      is entirely under one key or the other, never half and half);
//   3. the pending key file is renamed over the current one (an atomic rename) and the directory synced.
// After a crash the pending file's presence says a rotation was under way, and trying both keys on the
// cache says how far it got: if the new key opens it, step 3 is done now; if the old key does, the
// pending file is removed. Either way no key the cache needs is ever deleted.

#include "core/Result.h"
#include "storage/CipherOpenOptions.h"
#include "storage/KeyFile.h"
#include "storage/ProfileLayout.h"
#include "storage/SecureBytes.h"

#include <QSqlDatabase>

#include <functional>

namespace fc {

/// The durable steps of a key rotation, in order; a test can stop a rotation after any of them.
enum class KeyRotationStep {
    PendingKeyWritten,
    CacheRekeyed,
    KeySwapped,
};

/// Failure injection for tests: called after each step; returning false stops the rotation there, as if
/// the process had died (the caller gets profile.rotation_stopped).
using KeyRotationHook = std::function<bool(KeyRotationStep)>;

/// Rotates the data key of the cache open on `db`, which must be the only connection to it. The
/// password is proven against the current key file before anything is written.
/// Errors: profile.rotation_pending, keyfile.*, cache.rekey_failed, profile.key_swap_failed,
/// profile.rotation_stopped (when `afterStep` says stop).
Status rotateDataKey(const QSqlDatabase &db, const ProfileLayout &layout, const KeyFileIdentity &identity,
                     const SecureBytes &password, KdfCost cost, const KeyRotationHook &afterStep = {});

/// Given the data key unwrapped from the current key file, returns the key that opens the cache,
/// first finishing or undoing an interrupted rotation (no-op without a pending key file). The cache is
/// only opened to try the keys, on this thread, and closed again.
/// Errors: profile.rotation_unresolved, profile.key_swap_failed, cache.* from opening the cache.
Result<SecureBytes> settleKeyRotation(const ProfileLayout &layout, const KeyFileIdentity &identity,
                                      const SecureBytes &password, SecureBytes currentKey,
                                      const CipherOpenOptions &options);

} // namespace fc
