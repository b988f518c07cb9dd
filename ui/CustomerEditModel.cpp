#include "ui/CustomerEditModel.h"

#include "core/EmailAddress.h"
#include "core/PhoneNumber.h"
#include "core/Postcode.h"
#include "core/Uprn.h"
#include "storage/CustomerStore.h"
#include "sync/LocalChanges.h"
#include "ui/DisplayText.h"
#include "ui/WhenFinished.h"

#include <QLocale>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace fc {

namespace {

// The server's limits (DomainJson::toCustomer): longer text would be refused when it is pushed.
constexpr qsizetype kTitleLength = 40;
constexpr qsizetype kTextLength = 200;
constexpr qsizetype kListItems = 20;
constexpr int kOldestAgeYears = 130;

QString canonicalPostcode(const QString &typed)
{
    const Result<Postcode> postcode = Postcode::parse(typed);
    return postcode ? postcode->canonical() : typed.trimmed().toUpper();
}

QString canonicalUprn(const QString &typed)
{
    const Result<Uprn> uprn = Uprn::parse(typed);
    return uprn ? uprn->canonical() : typed.trimmed();
}

// The address as it would be stored, so "pl1 2aa" and "PL1 2AA" are the same address.
PostalAddress addressOf(const CustomerEditModel::Form &form)
{
    return PostalAddress { form.addressLine1.trimmed(), form.addressLine2.trimmed(), form.town.trimmed(),
                           form.postcode.trimmed().isEmpty() ? QString() : canonicalPostcode(form.postcode),
                           form.uprn.trimmed().isEmpty() ? QString() : canonicalUprn(form.uprn) };
}

QStringList nonEmpty(const QStringList &rows)
{
    QStringList kept;
    for (const QString &row : rows) {
        if (!row.trimmed().isEmpty())
            kept.append(row.trimmed());
    }
    return kept;
}

// The customer fields save() may change apart from the address, by the form field that holds them.
enum class Part { Title, GivenName, FamilyName, PreferredName, DateOfBirth, Phones, Emails, Language, Channel };

QList<Part> changedParts(const CustomerEditModel::Form &now, const CustomerEditModel::Form &before)
{
    QList<Part> parts;
    const auto check = [&](bool changed, Part part) {
        if (changed)
            parts.append(part);
    };
    check(now.title != before.title, Part::Title);
    check(now.givenName != before.givenName, Part::GivenName);
    check(now.familyName != before.familyName, Part::FamilyName);
    check(now.preferredName != before.preferredName, Part::PreferredName);
    check(now.dateOfBirthText != before.dateOfBirthText, Part::DateOfBirth);
    check(now.phones != before.phones, Part::Phones);
    check(now.emails != before.emails, Part::Emails);
    check(now.preferredLanguage != before.preferredLanguage, Part::Language);
    check(now.preferredChannel != before.preferredChannel, Part::Channel);
    return parts;
}

// Copies the changed parts of `from` into `into`: what the agent changed lands on the record as the cache
// holds it now, so a value synced in meanwhile for a field they did not touch is kept.
void applyParts(Customer &into, const Customer &from, const QList<Part> &parts)
{
    for (Part part : parts) {
        switch (part) {
        case Part::Title:
            into.title = from.title;
            break;
        case Part::GivenName:
            into.givenName = from.givenName;
            break;
        case Part::FamilyName:
            into.familyName = from.familyName;
            break;
        case Part::PreferredName:
            into.preferredName = from.preferredName;
            break;
        case Part::DateOfBirth:
            into.dateOfBirth = from.dateOfBirth;
            break;
        case Part::Phones:
            into.phones = from.phones;
            break;
        case Part::Emails:
            into.emails = from.emails;
            break;
        case Part::Language:
            into.preferredLanguage = from.preferredLanguage;
            break;
        case Part::Channel:
            into.preferredChannel = from.preferredChannel;
            break;
        }
    }
}

} // namespace

CustomerEditModel::CustomerEditModel(QObject *parent) : QObject(parent) { }

CustomerEditModel::~CustomerEditModel() = default;

void CustomerEditModel::setCacheWorker(CacheWorker *worker)
{
    if (m_worker == worker)
        return;
    m_worker = worker;
    emit cacheWorkerChanged();
}

void CustomerEditModel::setUser(const QString &user)
{
    if (m_user == user)
        return;
    m_user = user;
    emit userChanged();
}

void CustomerEditModel::setClock(NowFunction now)
{
    m_now = now ? std::move(now) : NowFunction(systemNowUtc);
    recheck();
}

QString CustomerEditModel::customerId() const
{
    return m_loaded ? m_loaded->id.toString(QUuid::WithoutBraces) : QString();
}

void CustomerEditModel::load(const QString &customerId)
{
    const quint64 generation = ++m_generation;
    show(std::nullopt, false, Form());
    setErrorText({});
    const QUuid id = QUuid::fromString(customerId);
    if (id.isNull()) {
        setBusy(false);
        setErrorText(tr("No customer was chosen."));
        return;
    }
    if (!m_worker) {
        setBusy(false);
        setErrorText(tr("The customer record is not available: no cache is open."));
        return;
    }
    setBusy(true);
    QFuture<Result<std::optional<Customer>>> future = m_worker->run(
        [id](QSqlDatabase &db) -> Result<std::optional<Customer>> { return CustomerStore(db).byId(id); });
    whenFinished(this, future, [this, generation](const Result<std::optional<Customer>> &answer) {
        applyLoaded(generation, answer);
    });
}

void CustomerEditModel::applyLoaded(quint64 generation, const Result<std::optional<Customer>> &answer)
{
    if (generation != m_generation)
        return; // another customer was asked for since
    setBusy(false);
    if (!answer) {
        setErrorText(answer.error().message);
        return;
    }
    if (!answer->has_value()) {
        setErrorText(tr("This customer is not in the cache. They may have been merged or removed; search again."));
        return;
    }
    show(answer->value(), false, formFor(answer->value()));
    emit loaded();
}

void CustomerEditModel::startNew(const QString &phone)
{
    ++m_generation;
    setBusy(false);
    setErrorText({});
    Form form;
    if (!phone.trimmed().isEmpty()) {
        const Result<PhoneNumber> number = PhoneNumber::parse(phone);
        form.phones = { number ? number->nationalDisplay() : phone.trimmed() };
    }
    show(std::nullopt, true, form);
}

void CustomerEditModel::show(const std::optional<Customer> &customer, bool isNew, const Form &form)
{
    const bool languagesDiffer
        = (m_loaded ? m_loaded->preferredLanguage : QString()) != (customer ? customer->preferredLanguage : QString());
    m_loaded = customer;
    m_isNew = isNew;
    m_original = form;
    emit customerIdChanged();
    if (languagesDiffer)
        emit optionsChanged();
    setForm(form);
}

void CustomerEditModel::revert()
{
    setForm(m_original);
}

void CustomerEditModel::setForm(const Form &form)
{
    const Form old = m_form;
    m_form = form;
    if (old.title != form.title)
        emit titleChanged();
    if (old.givenName != form.givenName)
        emit givenNameChanged();
    if (old.familyName != form.familyName)
        emit familyNameChanged();
    if (old.preferredName != form.preferredName)
        emit preferredNameChanged();
    if (old.dateOfBirthText != form.dateOfBirthText)
        emit dateOfBirthTextChanged();
    if (old.phones != form.phones)
        emit phonesChanged();
    if (old.emails != form.emails)
        emit emailsChanged();
    if (old.preferredLanguage != form.preferredLanguage)
        emit preferredLanguageChanged();
    if (old.preferredChannel != form.preferredChannel)
        emit preferredChannelChanged();
    if (old.addressLine1 != form.addressLine1)
        emit addressLine1Changed();
    if (old.addressLine2 != form.addressLine2)
        emit addressLine2Changed();
    if (old.town != form.town)
        emit townChanged();
    if (old.postcode != form.postcode)
        emit postcodeChanged();
    if (old.uprn != form.uprn)
        emit uprnChanged();
    recheck();
}

void CustomerEditModel::setTextField(QString Form::*member, const QString &value, void (CustomerEditModel::*changed)())
{
    if (m_form.*member == value)
        return;
    m_form.*member = value;
    emit(this->*changed)();
    recheck();
}

void CustomerEditModel::setTitle(const QString &value)
{
    setTextField(&Form::title, value, &CustomerEditModel::titleChanged);
}

void CustomerEditModel::setGivenName(const QString &value)
{
    setTextField(&Form::givenName, value, &CustomerEditModel::givenNameChanged);
}

void CustomerEditModel::setFamilyName(const QString &value)
{
    setTextField(&Form::familyName, value, &CustomerEditModel::familyNameChanged);
}

void CustomerEditModel::setPreferredName(const QString &value)
{
    setTextField(&Form::preferredName, value, &CustomerEditModel::preferredNameChanged);
}

void CustomerEditModel::setDateOfBirthText(const QString &value)
{
    setTextField(&Form::dateOfBirthText, value, &CustomerEditModel::dateOfBirthTextChanged);
}

void CustomerEditModel::setPreferredLanguage(const QString &value)
{
    setTextField(&Form::preferredLanguage, value, &CustomerEditModel::preferredLanguageChanged);
}

void CustomerEditModel::setPreferredChannel(const QString &value)
{
    setTextField(&Form::preferredChannel, value, &CustomerEditModel::preferredChannelChanged);
}

void CustomerEditModel::setAddressLine1(const QString &value)
{
    setTextField(&Form::addressLine1, value, &CustomerEditModel::addressLine1Changed);
}

void CustomerEditModel::setAddressLine2(const QString &value)
{
    setTextField(&Form::addressLine2, value, &CustomerEditModel::addressLine2Changed);
}

void CustomerEditModel::setTown(const QString &value)
{
    setTextField(&Form::town, value, &CustomerEditModel::townChanged);
}

void CustomerEditModel::setPostcode(const QString &value)
{
    setTextField(&Form::postcode, value, &CustomerEditModel::postcodeChanged);
}

void CustomerEditModel::setUprn(const QString &value)
{
    setTextField(&Form::uprn, value, &CustomerEditModel::uprnChanged);
}

void CustomerEditModel::setPhones(const QStringList &value)
{
    if (m_form.phones == value)
        return;
    m_form.phones = value;
    emit phonesChanged();
    recheck();
}

void CustomerEditModel::setEmails(const QStringList &value)
{
    if (m_form.emails == value)
        return;
    m_form.emails = value;
    emit emailsChanged();
    recheck();
}

void CustomerEditModel::setPhone(int index, const QString &text)
{
    if (index < 0 || index >= m_form.phones.size())
        return;
    QStringList phones = m_form.phones;
    phones[index] = text;
    setPhones(phones);
}

void CustomerEditModel::addPhone()
{
    if (m_form.phones.size() >= kListItems)
        return;
    setPhones(m_form.phones + QStringList { QString() });
}

void CustomerEditModel::removePhone(int index)
{
    if (index < 0 || index >= m_form.phones.size())
        return;
    QStringList phones = m_form.phones;
    phones.removeAt(index);
    setPhones(phones);
}

void CustomerEditModel::setEmail(int index, const QString &text)
{
    if (index < 0 || index >= m_form.emails.size())
        return;
    QStringList emails = m_form.emails;
    emails[index] = text;
    setEmails(emails);
}

void CustomerEditModel::addEmail()
{
    if (m_form.emails.size() >= kListItems)
        return;
    setEmails(m_form.emails + QStringList { QString() });
}

void CustomerEditModel::removeEmail(int index)
{
    if (index < 0 || index >= m_form.emails.size())
        return;
    QStringList emails = m_form.emails;
    emails.removeAt(index);
    setEmails(emails);
}

bool CustomerEditModel::addressChanged() const
{
    return hasCustomer() && addressOf(m_form) != addressOf(m_original);
}

void CustomerEditModel::recheck()
{
    m_fieldErrors = hasCustomer() ? checkForm(m_form, m_original, m_isNew, councilDate(m_now())) : QVariantMap();
    emit checksChanged();
}

QDate CustomerEditModel::parseDateOfBirth(const QString &text)
{
    static const QRegularExpression pattern(
        u"^\\s*(\\d{1,2})\\s*[/.\\- ]\\s*(\\d{1,2})\\s*[/.\\- ]\\s*(\\d{4})\\s*$"_s);
    const QRegularExpressionMatch match = pattern.match(text);
    if (!match.hasMatch())
        return {};
    return QDate(match.captured(3).toInt(), match.captured(2).toInt(), match.captured(1).toInt());
}

QVariantMap CustomerEditModel::checkForm(const Form &form, const Form &original, bool isNew, QDate today)
{
    QVariantMap errors;
    const auto tooLong = [&](const QString &field, const QString &value, qsizetype limit) {
        if (value.trimmed().size() > limit)
            errors.insert(field, tr("This is too long: at most %1 characters.").arg(limit));
    };

    if (form.givenName.trimmed().isEmpty() && form.familyName.trimmed().isEmpty()) {
        const QString text = tr("Enter a given name or a family name.");
        errors.insert(u"givenName"_s, text);
        errors.insert(u"familyName"_s, text);
    }
    tooLong(u"title"_s, form.title, kTitleLength);
    tooLong(u"givenName"_s, form.givenName, kTextLength);
    tooLong(u"familyName"_s, form.familyName, kTextLength);
    tooLong(u"preferredName"_s, form.preferredName, kTextLength);

    if (!form.dateOfBirthText.trimmed().isEmpty()) {
        const QDate born = parseDateOfBirth(form.dateOfBirthText);
        if (!born.isValid())
            errors.insert(u"dateOfBirth"_s, tr("Enter the date of birth as day/month/year, like 12/03/1984."));
        else if (today.isValid() && born > today)
            errors.insert(u"dateOfBirth"_s, tr("A date of birth cannot be in the future."));
        else if (today.isValid() && born < today.addYears(-kOldestAgeYears))
            errors.insert(u"dateOfBirth"_s, tr("Check the year: that would make them over %1.").arg(kOldestAgeYears));
    }

    QStringList seenPhones;
    for (qsizetype i = 0; i < form.phones.size(); ++i) {
        const QString typed = form.phones.at(i).trimmed();
        if (typed.isEmpty())
            continue;
        const QString field = u"phones.%1"_s.arg(i);
        const Result<PhoneNumber> number = PhoneNumber::parse(typed);
        if (!number)
            errors.insert(field, number.error().message);
        else if (seenPhones.contains(number->canonical()))
            errors.insert(field, tr("This number is listed already."));
        else
            seenPhones.append(number->canonical());
    }
    QStringList seenEmails;
    for (qsizetype i = 0; i < form.emails.size(); ++i) {
        const QString typed = form.emails.at(i).trimmed();
        if (typed.isEmpty())
            continue;
        const QString field = u"emails.%1"_s.arg(i);
        const Result<EmailAddress> address = EmailAddress::parse(typed);
        if (!address)
            errors.insert(field, address.error().message);
        else if (seenEmails.contains(address->searchKey()))
            errors.insert(field, tr("This email address is listed already."));
        else
            seenEmails.append(address->searchKey());
    }

    const PostalAddress address = addressOf(form);
    const bool anyAddressLine
        = !address.line1.isEmpty() || !address.line2.isEmpty() || !address.town.isEmpty() || !address.uprn.isEmpty();
    const bool moved = !isNew && address != addressOf(original);
    if (!form.postcode.trimmed().isEmpty()) {
        if (!Postcode::parse(form.postcode))
            errors.insert(u"postcode"_s, tr("Enter a full UK postcode, like PL1 2AA."));
        if (address.line1.isEmpty())
            errors.insert(u"addressLine1"_s, tr("Enter the first line of the address."));
    } else if (anyAddressLine || moved) {
        // A move needs somewhere to move to; an address without a postcode cannot be matched to a property.
        errors.insert(u"postcode"_s, tr("Enter the postcode of the address."));
    }
    tooLong(u"addressLine1"_s, form.addressLine1, kTextLength);
    tooLong(u"addressLine2"_s, form.addressLine2, kTextLength);
    tooLong(u"town"_s, form.town, kTextLength);
    if (!form.uprn.trimmed().isEmpty() && !Uprn::parse(form.uprn))
        errors.insert(u"uprn"_s, tr("A UPRN is a number of up to 12 digits, like 100040123."));

    if (form.preferredLanguage.trimmed().size() > 35)
        errors.insert(u"preferredLanguage"_s, tr("Choose a language from the list."));
    if (!channelFromKey(form.preferredChannel))
        errors.insert(u"preferredChannel"_s, tr("Choose how they prefer to be contacted."));
    return errors;
}

CustomerEditModel::Form CustomerEditModel::formFor(const Customer &customer)
{
    Form form;
    form.title = customer.title;
    form.givenName = customer.givenName;
    form.familyName = customer.familyName;
    form.preferredName = customer.preferredName;
    form.dateOfBirthText = ukDateText(customer.dateOfBirth);
    for (const QString &phone : customer.phones) {
        const Result<PhoneNumber> number = PhoneNumber::parse(phone);
        form.phones.append(number ? number->nationalDisplay() : phone);
    }
    form.emails = customer.emails;
    form.preferredLanguage = customer.preferredLanguage;
    form.preferredChannel = channelKey(customer.preferredChannel);
    form.addressLine1 = customer.address.line1;
    form.addressLine2 = customer.address.line2;
    form.town = customer.address.town;
    form.postcode = customer.address.postcode;
    form.uprn = customer.address.uprn;
    return form;
}

Customer CustomerEditModel::customerFromForm(const Customer &base) const
{
    Customer c = base;
    c.title = m_form.title.trimmed();
    c.givenName = m_form.givenName.trimmed();
    c.familyName = m_form.familyName.trimmed();
    c.preferredName = m_form.preferredName.trimmed();
    c.dateOfBirth = parseDateOfBirth(m_form.dateOfBirthText);
    c.phones.clear();
    for (const QString &typed : nonEmpty(m_form.phones)) {
        if (const Result<PhoneNumber> number = PhoneNumber::parse(typed))
            c.phones.append(number->canonical());
    }
    c.emails.clear();
    for (const QString &typed : nonEmpty(m_form.emails)) {
        if (const Result<EmailAddress> address = EmailAddress::parse(typed))
            c.emails.append(address->canonical());
    }
    c.preferredLanguage = m_form.preferredLanguage.trimmed().isEmpty() ? u"en"_s : m_form.preferredLanguage.trimmed();
    c.preferredChannel = channelFromKey(m_form.preferredChannel).value_or(Channel::Phone);
    c.address = addressOf(m_form);
    return c;
}

void CustomerEditModel::save()
{
    if (m_busy || !hasCustomer())
        return;
    if (!valid()) {
        setErrorText(tr("Nothing was saved: correct the fields marked first."));
        emit saveFailed();
        return;
    }
    if (!m_worker) {
        setErrorText(tr("Nothing was saved: no cache is open."));
        emit saveFailed();
        return;
    }
    const bool isNew = m_isNew;
    const bool move = !isNew && addressChanged();
    const QList<Part> parts = isNew ? QList<Part>() : changedParts(m_form, m_original);
    if (!isNew && !move && parts.isEmpty()) {
        // Nothing to save: at most the address was retyped in another form ("pl1 2aa"); show it as stored.
        setForm(m_original);
        setErrorText({});
        emit saved(customerId());
        return;
    }
    const Customer target = customerFromForm(m_loaded ? *m_loaded : Customer());
    const QDateTime now = m_now().toUTC();
    const QString user = m_user;
    const quint64 generation = m_generation;
    setErrorText({});
    setBusy(true);
    QFuture<Result<SaveAnswer>> future
        = m_worker->run([isNew, move, parts, target, now, user](QSqlDatabase &db) -> Result<SaveAnswer> {
              LocalChanges changes(db, user, [now] { return now; });
              SaveAnswer answer;
              if (isNew) {
                  Result<Customer> created = changes.createCustomer(target, now);
                  if (created)
                      answer.stored = created.value();
                  else
                      answer.error = created.error();
                  return answer;
              }
              if (move) {
                  Result<Customer> moved = changes.moveAddress(target.id, target.address, now);
                  if (!moved) {
                      answer.error = moved.error();
                      return answer;
                  }
                  answer.stored = moved.value();
              }
              if (parts.isEmpty())
                  return answer;
              Result<std::optional<Customer>> current = CustomerStore(db).byId(target.id);
              if (!current || !current->has_value()) {
                  answer.error = current
                      ? makeError(u"local.not_found"_s, tr("The customer to change is no longer in this desk's cache."))
                      : current.error();
                  return answer;
              }
              Customer edited = **current;
              applyParts(edited, target, parts);
              if (edited == **current) { // retyped in another form: nothing really changed
                  answer.stored = **current;
                  return answer;
              }
              Result<Customer> updated = changes.updateCustomer(edited, now);
              if (!updated) {
                  answer.error = updated.error();
                  return answer;
              }
              answer.stored = updated.value();
              return answer;
          });
    whenFinished(this, future, [this, generation](const Result<SaveAnswer> &answer) {
        applySaved(generation, answer ? answer.value() : SaveAnswer { std::nullopt, answer.error() });
    });
}

void CustomerEditModel::applySaved(quint64 generation, const SaveAnswer &answer)
{
    if (generation != m_generation)
        return; // another customer (or a new one) is in the form now
    setBusy(false);
    if (!answer.error) {
        if (answer.stored)
            show(answer.stored, false, formFor(*answer.stored));
        setErrorText({});
        emit saved(customerId());
        return;
    }
    if (answer.stored) {
        // The move was saved but the other changes were not: the form keeps them, on top of the new address.
        const Form typed = m_form;
        m_loaded = answer.stored;
        m_isNew = false;
        m_original = formFor(*answer.stored);
        emit customerIdChanged();
        setForm(typed);
        setErrorText(tr("The new address was saved, but the other changes were not: %1").arg(answer.error->message));
    } else {
        setErrorText(tr("Nothing was saved: %1").arg(answer.error->message));
    }
    emit saveFailed();
}

QVariantList CustomerEditModel::languageOptions() const
{
    const QList<std::pair<QString, QString>> offered {
        { u"en"_s, tr("English") },
        { u"cy"_s, tr("Welsh") },
        { u"ga"_s, tr("Irish") },
        { u"gd"_s, tr("Scottish Gaelic") },
        { u"pl"_s, tr("Polish") },
        { u"ro"_s, tr("Romanian") },
        { u"lt"_s, tr("Lithuanian") },
        { u"pt"_s, tr("Portuguese") },
        { u"pa"_s, tr("Punjabi") },
        { u"ur"_s, tr("Urdu") },
        { u"bn"_s, tr("Bengali") },
        { u"ar"_s, tr("Arabic") },
        { u"so"_s, tr("Somali") },
        { u"uk"_s, tr("Ukrainian") },
        { u"bfi"_s, tr("British Sign Language") },
    };
    QVariantList options;
    bool listed = false;
    const QString own = m_loaded ? m_loaded->preferredLanguage : QString();
    for (const auto &[key, title] : offered) {
        options.append(QVariantMap { { u"key"_s, key }, { u"title"_s, title } });
        listed = listed || key == own;
    }
    if (!own.isEmpty() && !listed) {
        const QLocale locale(own);
        const QString name = locale.language() == QLocale::C ? own : QLocale::languageToString(locale.language());
        options.append(QVariantMap { { u"key"_s, own }, { u"title"_s, name } });
    }
    return options;
}

QVariantList CustomerEditModel::channelOptions() const
{
    QVariantList options;
    for (Channel channel : allChannels())
        options.append(QVariantMap { { u"key"_s, channelKey(channel) }, { u"title"_s, channelDisplayName(channel) } });
    return options;
}

void CustomerEditModel::setBusy(bool busy)
{
    if (m_busy == busy)
        return;
    m_busy = busy;
    emit busyChanged();
}

void CustomerEditModel::setErrorText(const QString &text)
{
    if (m_errorText == text)
        return;
    m_errorText = text;
    emit errorTextChanged();
}

} // namespace fc
