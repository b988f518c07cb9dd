#pragma once

#include <QString>
#include <QStringView>

namespace fc {

/// The name as someone types it on a keyboard without accents: "Siân" -> "Sian", "Łukasz" -> "Lukasz",
/// "Ó Súilleabháin" -> "O Suilleabhain". Case, spaces and punctuation are kept. Used for email
/// addresses and for the "accent dropped" variation of a planted duplicate.
QString withoutAccents(QStringView text);

} // namespace fc
