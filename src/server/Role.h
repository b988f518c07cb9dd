#pragma once

// What a user may do on the server: the four roles and their stable keys.

#include <QList>
#include <QString>
#include <QStringView>

#include <optional>

namespace fc::server {

/// A user's role. Keys are stored in `users.role` and sent in `/v1/me`.
enum class Role {
    Agent,      // contact-centre call handler
    Counter,    // face-to-face staff at a First Stop Shop, library or hub
    Supervisor, // a team's queues and figures
    Admin,      // users, teams, devices, scripts
};

QString roleKey(Role role); // "agent", "counter", "supervisor", "admin"
std::optional<Role> roleFromKey(QStringView key);
QList<Role> allRoles();

} // namespace fc::server
