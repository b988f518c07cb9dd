#pragma once

// The shapes user names, team keys and device ids must have before they reach the database.

#include "core/Result.h"

#include <QString>

namespace fc::server {

/// User names and team keys: 1 to 64 of a-z, 0-9, '.', '_' and '-', starting with a letter or digit
/// ("a.khan", "waste-services"). Errors: account.bad_user_name, account.bad_team_name.
Status checkUserName(const QString &name);
Status checkTeamName(const QString &name);

/// Device ids are made by the client (a UUID, usually): 1 to 64 of A-Z, a-z, 0-9, '.', '_' and '-'.
/// Device names are what a person calls the machine: 1 to 100 characters, no control characters.
/// Errors: account.bad_device_id, account.bad_device_name.
Status checkDeviceId(const QString &id);
Status checkDeviceName(const QString &name);

} // namespace fc::server
