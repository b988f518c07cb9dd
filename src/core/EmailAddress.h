#pragma once

#include "core/Result.h"

#include <QString>
#include <QStringView>

#include <utility>

namespace fc {

/// An email address checked the way a contact centre needs (plausible, deliverable shape, not the
/// full RFC 5322 grammar) and held in one canonical form: the local part as given, the domain in
/// lower case (docs/domain/NORMALISATION.md).
class EmailAddress {
public:
    static constexpr int kMaximumLocalPartOctets = 64; // RFC 5321 4.5.3.1.1
    static constexpr int kMaximumOctets = 254; // RFC 5321 forward-path less its angle brackets

    /// Reads " Sian.Jones@Example.ORG ". Invisible format characters (direction marks, zero-width
    /// spaces) are dropped and the text is NFC-normalised; quoted local parts and [IP] domains are
    /// refused. Errors: email.empty, email.too_long, email.contains_space, email.missing_at,
    /// email.multiple_at, email.empty_local_part, email.missing_domain, email.local_part_too_long,
    /// email.invalid_local_part, email.domain_without_dot, email.invalid_domain.
    static Result<EmailAddress> parse(QStringView text);

    /// "Sian.Jones@example.org": the local part keeps its case, which a mail server may honour.
    const QString &canonical() const { return m_canonical; }
    QString localPart() const;
    QString domain() const;
    /// "sian.jones@example.org": for finding a customer whatever case was typed.
    QString searchKey() const { return m_canonical.toLower(); }

    friend bool operator==(const EmailAddress &, const EmailAddress &) = default;

private:
    explicit EmailAddress(QString canonical) : m_canonical(std::move(canonical)) { }

    QString m_canonical;
};

} // namespace fc
