#include "server/CustomerCsvReader.h"

#include "core/AccessNeeds.h"
#include "core/EmailAddress.h"
#include "core/PhoneNumber.h"
#include "core/Postcode.h"
#include "core/Uprn.h"

#include <QCoreApplication>
#include <QLocale>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace fc::server {

namespace {

struct ColumnName {
    QLatin1StringView name;
    CustomerCsvField field;
};

// The first name for each field is its canonical one (fieldName()); the rest are what exports call it.
const ColumnName kColumnNames[] = {
    { "legacy_id"_L1, CustomerCsvField::LegacyId },
    { "title"_L1, CustomerCsvField::Title },
    { "given_name"_L1, CustomerCsvField::GivenName },
    { "forename"_L1, CustomerCsvField::GivenName },
    { "forenames"_L1, CustomerCsvField::GivenName },
    { "first_name"_L1, CustomerCsvField::GivenName },
    { "family_name"_L1, CustomerCsvField::FamilyName },
    { "surname"_L1, CustomerCsvField::FamilyName },
    { "last_name"_L1, CustomerCsvField::FamilyName },
    { "preferred_name"_L1, CustomerCsvField::PreferredName },
    { "known_as"_L1, CustomerCsvField::PreferredName },
    { "date_of_birth"_L1, CustomerCsvField::DateOfBirth },
    { "dob"_L1, CustomerCsvField::DateOfBirth },
    { "phones"_L1, CustomerCsvField::Phones },
    { "phone"_L1, CustomerCsvField::Phones },
    { "telephone"_L1, CustomerCsvField::Phones },
    { "emails"_L1, CustomerCsvField::Emails },
    { "email"_L1, CustomerCsvField::Emails },
    { "e_mail"_L1, CustomerCsvField::Emails },
    { "email_address"_L1, CustomerCsvField::Emails },
    { "address_line1"_L1, CustomerCsvField::AddressLine1 },
    { "address_line_1"_L1, CustomerCsvField::AddressLine1 },
    { "address_line2"_L1, CustomerCsvField::AddressLine2 },
    { "address_line_2"_L1, CustomerCsvField::AddressLine2 },
    { "town"_L1, CustomerCsvField::Town },
    { "post_town"_L1, CustomerCsvField::Town },
    { "postcode"_L1, CustomerCsvField::Postcode },
    { "post_code"_L1, CustomerCsvField::Postcode },
    { "uprn"_L1, CustomerCsvField::Uprn },
    { "preferred_language"_L1, CustomerCsvField::PreferredLanguage },
    { "language"_L1, CustomerCsvField::PreferredLanguage },
    { "access_needs"_L1, CustomerCsvField::AccessNeeds },
    { "interpreter_language"_L1, CustomerCsvField::InterpreterLanguage },
    { "sign_language"_L1, CustomerCsvField::SignLanguage },
};

// "Given Name", "given-name", " GIVEN_NAME " -> "given_name"
QString normaliseColumnName(QStringView column)
{
    QString name = column.trimmed().toString().toLower();
    static const QRegularExpression separators(u"[\\s\\-_]+"_s);
    name.replace(separators, u"_"_s);
    return name;
}

// Names and address lines as people wrote them, minus what only gets in the way: invisible format
// characters (direction marks, zero-width spaces, soft hyphens), runs of white space and line breaks.
QString cleanText(QStringView value)
{
    QString text;
    text.reserve(value.size());
    for (const QChar c : value) {
        if (c.category() != QChar::Other_Format)
            text.append(c);
    }
    return text.normalized(QString::NormalizationForm_C).simplified();
}

// A list field's items, separated by ';', empty ones left out.
QStringList listItems(QStringView value)
{
    QStringList items;
    for (QStringView item : value.split(u';')) {
        const QString cleaned = cleanText(item);
        if (!cleaned.isEmpty())
            items.append(cleaned);
    }
    return items;
}

// English language names ("Welsh", "polish") to their codes, for exports that hold names, not codes.
const QHash<QString, QString> &languageCodesByName()
{
    static const QHash<QString, QString> codes = [] {
        QHash<QString, QString> byName;
        for (int i = int(QLocale::AnyLanguage) + 1; i <= int(QLocale::LastLanguage); ++i) {
            const auto language = QLocale::Language(i);
            const QString code = QLocale::languageToCode(language);
            if (!code.isEmpty())
                byName.insert(QLocale::languageToString(language).toLower(), code);
        }
        return byName;
    }();
    return codes;
}

// BCP 47 as the cache stores it: "cy", "pl", "pt-BR", "zh-Hant". Accepts "en_GB", "POL" (brought to
// its two-letter code) and English language names. Empty for something it cannot read.
QString languageTag(const QString &value)
{
    // Codes first: "ga" is Irish, though there is also a language called Ga.
    static const QRegularExpression shape(u"^[A-Za-z]{2,3}([-_][A-Za-z0-9]{1,8})*$"_s);
    if (shape.match(value).hasMatch()) {
        QStringList parts = value.split(QRegularExpression(u"[-_]"_s));
        const QLocale::Language language = QLocale::codeToLanguage(parts.first().toLower());
        if (language != QLocale::AnyLanguage && language != QLocale::C) {
            parts[0] = QLocale::languageToCode(language);
            for (qsizetype i = 1; i < parts.size(); ++i) {
                QString &part = parts[i];
                if (part.size() == 2 && part.at(0).isLetter())
                    part = part.toUpper(); // region: GB
                else if (part.size() == 4 && part.at(0).isLetter())
                    part = part.left(1).toUpper() + part.mid(1).toLower(); // script: Hant
                else
                    part = part.toLower();
            }
            return parts.join(u'-');
        }
    }
    return languageCodesByName().value(value.toLower());
}

std::optional<AccessNeed> accessNeedFromText(const QString &text)
{
    const QString key = normaliseColumnName(text);
    if (key == "sign_language"_L1 || key == "british_sign_language"_L1)
        return AccessNeed::BritishSignLanguage;
    if (key == "loop"_L1)
        return AccessNeed::HearingLoop;
    return accessNeedFromKey(key);
}

QString knownAccessNeeds()
{
    QStringList keys;
    for (AccessNeed need : allAccessNeeds())
        keys.append(accessNeedKey(need));
    return keys.join(u", "_s);
}

std::optional<QDate> parseDate(const QString &text)
{
    static const QRegularExpression iso(u"^(\\d{4})-(\\d{2})-(\\d{2})$"_s);
    static const QRegularExpression uk(u"^(\\d{1,2})/(\\d{1,2})/(\\d{4})$"_s);
    if (const QRegularExpressionMatch m = iso.match(text); m.hasMatch()) {
        const QDate date(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
        if (date.isValid())
            return date;
    } else if (const QRegularExpressionMatch m = uk.match(text); m.hasMatch()) {
        const QDate date(m.captured(3).toInt(), m.captured(2).toInt(), m.captured(1).toInt());
        if (date.isValid())
            return date;
    }
    return std::nullopt;
}

} // namespace

CustomerCsvReader::CustomerCsvReader(QIODevice *device, QDate today) : m_records(device), m_today(today) { }

QUuid CustomerCsvReader::legacyIdNamespace()
{
    // Fixed for ever: changing it would give every imported customer a new id on the next run.
    static const QUuid ns(u"89e97e73-396c-4b65-8db5-ed3876c96203"_s);
    return ns;
}

QUuid CustomerCsvReader::customerId(const QString &legacyId)
{
    return QUuid::createUuidV5(legacyIdNamespace(), legacyId);
}

QString CustomerCsvReader::fieldName(CustomerCsvField field)
{
    for (const ColumnName &column : kColumnNames) {
        if (column.field == field)
            return column.name;
    }
    return {};
}

std::optional<CustomerCsvField> CustomerCsvReader::fieldForColumn(QStringView column)
{
    const QString name = normaliseColumnName(column);
    for (const ColumnName &known : kColumnNames) {
        if (name == known.name)
            return known.field;
    }
    return std::nullopt;
}

QList<CustomerCsvField> CustomerCsvReader::fields() const
{
    QList<CustomerCsvField> present;
    for (const std::optional<CustomerCsvField> &column : m_columns) {
        if (column)
            present.append(*column);
    }
    return present;
}

bool CustomerCsvReader::has(CustomerCsvField field) const
{
    return m_columns.contains(std::optional<CustomerCsvField>(field));
}

Status CustomerCsvReader::readHeader()
{
    std::optional<CustomerCsvRecord> header = m_records.next();
    if (!header) {
        if (Status read = m_records.status(); !read)
            return read;
        return makeError(
            u"import.empty_file"_s,
            QCoreApplication::translate("fc::server::CustomerCsvReader",
                                        "The file is empty: its first line must name the columns (legacy_id, "
                                        "given_name, family_name, ...)."));
    }
    if (header->error)
        return makeError(
            u"import.bad_header"_s,
            QCoreApplication::translate("fc::server::CustomerCsvReader", "The header on line %1 cannot be read: %2")
                .arg(header->line)
                .arg(header->error->message));
    QHash<CustomerCsvField, QString> seen;
    for (qsizetype i = 0; i < header->fields.size(); ++i) {
        const QString &column = header->fields.at(i);
        const std::optional<CustomerCsvField> field = fieldForColumn(column);
        if (field) {
            if (seen.contains(*field))
                return makeError(u"import.duplicate_column"_s,
                                 QCoreApplication::translate("fc::server::CustomerCsvReader",
                                                             "The columns \"%1\" and \"%2\" both give %3: keep one.")
                                     .arg(seen.value(*field), column.trimmed(), fieldName(*field)));
            seen.insert(*field, column.trimmed());
            m_columnNames.insert(*field, column.trimmed());
        } else {
            m_unknownColumns.append(
                column.trimmed().isEmpty()
                    ? QCoreApplication::translate("fc::server::CustomerCsvReader", "column %1").arg(i + 1)
                    : column.trimmed());
        }
        m_columns.append(field);
        m_header.append(column);
    }
    if (!seen.contains(CustomerCsvField::LegacyId))
        return makeError(
            u"import.missing_column"_s,
            QCoreApplication::translate("fc::server::CustomerCsvReader",
                                        "There is no legacy_id column. The first line must name the columns; it "
                                        "holds: %1")
                .arg(header->fields.join(u", "_s)));
    if (!seen.contains(CustomerCsvField::GivenName) && !seen.contains(CustomerCsvField::FamilyName))
        return makeError(
            u"import.missing_column"_s,
            QCoreApplication::translate("fc::server::CustomerCsvReader",
                                        "There is neither a given_name nor a family_name column (nor forename or "
                                        "surname)."));
    return {};
}

QString CustomerCsvReader::columnName(CustomerCsvField field) const
{
    return m_columnNames.value(field, fieldName(field));
}

std::optional<CustomerCsvRow> CustomerCsvReader::next()
{
    std::optional<CustomerCsvRecord> record = m_records.next();
    if (!record)
        return std::nullopt;
    CustomerCsvRow row;
    row.line = record->line;
    row.raw = record->raw;
    if (record->error) {
        row.problems.append(*record->error);
    } else if (record->fields.size() != m_columns.size()) {
        // Which field is which is unknown, but the key is worth a guess for the report.
        const qsizetype key = m_columns.indexOf(std::optional<CustomerCsvField>(CustomerCsvField::LegacyId));
        if (key < record->fields.size())
            row.legacyId = record->fields.at(key).trimmed();
        row.problems.append(makeError(
            u"import.wrong_field_count"_s,
            QCoreApplication::translate("fc::server::CustomerCsvReader", "The row has %1 fields but the header has %2.")
                .arg(record->fields.size())
                .arg(m_columns.size())));
    } else if (record->fields == m_header) {
        row.problems.append(makeError(u"import.repeated_header"_s,
                                      QCoreApplication::translate("fc::server::CustomerCsvReader",
                                                                  "The row repeats the header (were two exports "
                                                                  "joined into one file?).")));
    } else {
        readRow(record->fields, row);
    }
    return row;
}

void CustomerCsvReader::readRow(const QStringList &fields, CustomerCsvRow &row)
{
    QHash<CustomerCsvField, QString> values;
    for (qsizetype i = 0; i < fields.size(); ++i) {
        if (m_columns.at(i))
            values.insert(*m_columns.at(i), fields.at(i));
    }
    const auto problem
        = [&row](const QString &code, const QString &message) { row.problems.append(makeError(code, message)); };
    const auto valueProblem = [&](CustomerCsvField field, const QString &value, const Error &cause) {
        problem(cause.code,
                QCoreApplication::translate("fc::server::CustomerCsvReader", "%1 \"%2\": %3")
                    .arg(columnName(field), value, cause.message));
    };

    // The key first: without one (or with one already used) nothing else matters.
    row.legacyId = values.value(CustomerCsvField::LegacyId).trimmed();
    if (row.legacyId.isEmpty()) {
        problem(u"import.missing_legacy_id"_s,
                QCoreApplication::translate("fc::server::CustomerCsvReader", "The legacy_id is empty."));
        return;
    }
    if (row.legacyId.size() > kMaximumLegacyIdLength) {
        problem(
            u"import.value_too_long"_s,
            QCoreApplication::translate("fc::server::CustomerCsvReader", "The legacy_id is longer than %1 characters.")
                .arg(kMaximumLegacyIdLength));
        return;
    }
    if (const auto first = m_firstLineOfLegacyId.constFind(row.legacyId); first != m_firstLineOfLegacyId.cend()) {
        problem(u"import.duplicate_legacy_id"_s,
                QCoreApplication::translate(
                    "fc::server::CustomerCsvReader",
                    "The legacy_id \"%1\" is already on line %2; only the first row with it is loaded.")
                    .arg(row.legacyId)
                    .arg(*first));
        return;
    }
    m_firstLineOfLegacyId.insert(row.legacyId, row.line);

    Customer &c = row.customer;
    c.id = customerId(row.legacyId);
    c.revision = 1;
    const auto text = [&](CustomerCsvField field, QString *into) {
        const QString value = cleanText(values.value(field));
        if (value.size() > kMaximumTextLength) {
            problem(u"import.value_too_long"_s,
                    QCoreApplication::translate("fc::server::CustomerCsvReader", "%1 is longer than %2 characters.")
                        .arg(columnName(field))
                        .arg(kMaximumTextLength));
            return;
        }
        *into = value;
    };
    text(CustomerCsvField::Title, &c.title);
    text(CustomerCsvField::GivenName, &c.givenName);
    text(CustomerCsvField::FamilyName, &c.familyName);
    text(CustomerCsvField::PreferredName, &c.preferredName);
    text(CustomerCsvField::AddressLine1, &c.address.line1);
    text(CustomerCsvField::AddressLine2, &c.address.line2);
    text(CustomerCsvField::Town, &c.address.town);
    if (cleanText(values.value(CustomerCsvField::GivenName)).isEmpty()
        && cleanText(values.value(CustomerCsvField::FamilyName)).isEmpty())
        problem(u"import.missing_name"_s,
                QCoreApplication::translate("fc::server::CustomerCsvReader",
                                            "Both the given name and the family name are empty."));

    if (const QString dob = cleanText(values.value(CustomerCsvField::DateOfBirth)); !dob.isEmpty()) {
        const std::optional<QDate> date = parseDate(dob);
        if (!date)
            problem(u"date_of_birth.invalid"_s,
                    QCoreApplication::translate("fc::server::CustomerCsvReader",
                                                "%1 \"%2\" is not a date: write it YYYY-MM-DD or DD/MM/YYYY.")
                        .arg(columnName(CustomerCsvField::DateOfBirth), dob));
        else if (*date > m_today)
            problem(u"date_of_birth.in_future"_s,
                    QCoreApplication::translate("fc::server::CustomerCsvReader", "%1 \"%2\" is in the future.")
                        .arg(columnName(CustomerCsvField::DateOfBirth), dob));
        else if (date->year() < 1900)
            problem(u"date_of_birth.before_1900"_s,
                    QCoreApplication::translate("fc::server::CustomerCsvReader",
                                                "%1 \"%2\" is before 1900 (a placeholder for \"unknown\"? Leave it "
                                                "empty instead).")
                        .arg(columnName(CustomerCsvField::DateOfBirth), dob));
        else
            c.dateOfBirth = *date;
    }

    for (const QString &item : listItems(values.value(CustomerCsvField::Phones))) {
        Result<PhoneNumber> phone = PhoneNumber::parse(item);
        if (!phone)
            valueProblem(CustomerCsvField::Phones, item, phone.error());
        else if (!c.phones.contains(phone->canonical()))
            c.phones.append(phone->canonical());
    }
    QStringList emailKeys;
    for (const QString &item : listItems(values.value(CustomerCsvField::Emails))) {
        Result<EmailAddress> email = EmailAddress::parse(item);
        if (!email) {
            valueProblem(CustomerCsvField::Emails, item, email.error());
        } else if (!emailKeys.contains(email->searchKey())) {
            emailKeys.append(email->searchKey());
            c.emails.append(email->canonical());
        }
    }
    if (const QString postcode = cleanText(values.value(CustomerCsvField::Postcode)); !postcode.isEmpty()) {
        Result<Postcode> parsed = Postcode::parse(postcode);
        if (parsed)
            c.address.postcode = parsed->canonical();
        else
            valueProblem(CustomerCsvField::Postcode, postcode, parsed.error());
    }
    if (const QString uprn = cleanText(values.value(CustomerCsvField::Uprn)); !uprn.isEmpty()) {
        Result<Uprn> parsed = Uprn::parse(uprn);
        if (parsed)
            c.address.uprn = parsed->canonical();
        else
            valueProblem(CustomerCsvField::Uprn, uprn, parsed.error());
    }

    const auto language = [&](CustomerCsvField field, QString *into) {
        const QString value = cleanText(values.value(field));
        if (value.isEmpty())
            return;
        const QString tag = languageTag(value);
        if (tag.isEmpty())
            problem(u"language.unknown"_s,
                    QCoreApplication::translate(
                        "fc::server::CustomerCsvReader",
                        "%1 \"%2\" is not a language code (such as cy, pl, pt-BR) or an English language "
                        "name.")
                        .arg(columnName(field), value));
        else
            *into = tag;
    };
    c.preferredLanguage = u"en"_s;
    language(CustomerCsvField::PreferredLanguage, &c.preferredLanguage);

    for (const QString &item : listItems(values.value(CustomerCsvField::AccessNeeds))) {
        const std::optional<AccessNeed> need = accessNeedFromText(item);
        if (need)
            c.accessNeeds.needs |= *need;
        else
            problem(u"access_needs.unknown"_s,
                    QCoreApplication::translate("fc::server::CustomerCsvReader", "%1 \"%2\" is not one of: %3.")
                        .arg(columnName(CustomerCsvField::AccessNeeds), item, knownAccessNeeds()));
    }
    language(CustomerCsvField::InterpreterLanguage, &c.accessNeeds.interpreterLanguage);
    if (!c.accessNeeds.interpreterLanguage.isEmpty())
        c.accessNeeds.needs |= AccessNeed::Interpreter;
    if (const QString sign = cleanText(values.value(CustomerCsvField::SignLanguage)).toLower(); !sign.isEmpty()) {
        // BSL and ISL by their common names or ISO 639-3 codes; other sign languages by their code.
        static const QRegularExpression code(u"^[a-z]{3}$"_s);
        if (sign == "bsl"_L1 || sign == "bfi"_L1)
            c.accessNeeds.signLanguage = u"bfi"_s;
        else if (sign == "isl"_L1 || sign == "isg"_L1)
            c.accessNeeds.signLanguage = u"isg"_s;
        else if (code.match(sign).hasMatch())
            c.accessNeeds.signLanguage = sign;
        else
            problem(u"language.unknown"_s,
                    QCoreApplication::translate("fc::server::CustomerCsvReader",
                                                "%1 \"%2\" is not a sign language code (bfi for BSL, isg for ISL).")
                        .arg(columnName(CustomerCsvField::SignLanguage), sign));
        if (!c.accessNeeds.signLanguage.isEmpty())
            c.accessNeeds.needs |= AccessNeed::BritishSignLanguage;
    }
}

} // namespace fc::server
